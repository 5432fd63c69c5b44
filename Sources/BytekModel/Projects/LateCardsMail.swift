import Foundation

/// The e-mail of the daily `proyectos.atrasos` job to one person (a project's manager or a card's
/// assignee): the cards that will miss their date, in plain Spanish text, one line each with the
/// project's code, the card, its due date and the days late or left.
public struct LateCardsMail: Sendable, Hashable {
    public var date: LocalDate
    public var login: String
    /// The person's cards, late first (then by due date).
    public var cards: [BoardCard]

    public init(date: LocalDate, login: String, cards: [BoardCard]) {
        self.date = date; self.login = login; self.cards = cards
    }

    /// Who is told of each card: its project's manager and its assignee (once when they are the same),
    /// each with their cards in the order given.
    public static func perPerson(_ cards: [BoardCard], managers: [Int64: String], date: LocalDate) -> [LateCardsMail] {
        var order: [String] = []
        var mine: [String: [BoardCard]] = [:]
        for c in cards {
            var people: [String] = []
            for p in [managers[c.projectId], c.assignee] {
                guard let p, !p.isEmpty, !people.contains(p) else { continue }
                people.append(p)
            }
            for p in people {
                if mine[p] == nil { order.append(p) }
                mine[p, default: []].append(c)
            }
        }
        return order.sorted().map { LateCardsMail(date: date, login: $0, cards: mine[$0] ?? []) }
    }

    public var subject: String {
        let late = cards.filter { $0.lateness == .danger }.count
        return "Tarjetas que no llegarán a su fecha (\(ProjectAlarms.dmy(date))): \(late) atrasada(s), "
            + "\(cards.count - late) por vencer"
    }

    public var body: String {
        var body = "Hola \(login):\n\nEstas tarjetas no llegarán a su fecha si nadie actúa:\n\n"
        for c in cards { body += "  - " + Self.line(c, today: date) + "\n" }
        body += "\nVéalas en BYTEK Core › Operaciones › Proyectos (tablero del proyecto).\n"
        return body
    }

    /// "PRY-2026-00001 «Diseño» vence 11/12/2026: atrasada 3 día(s)".
    public static func line(_ c: BoardCard, today: LocalDate) -> String {
        let head = "\(c.projectCode) «\(c.title)»"
        guard let due = c.due else {
            return head + " sin fecha: el proyecto se prometió para el \(ProjectAlarms.dmy(c.promised))"
        }
        let days = today.days(until: due)
        let when: String
        switch days {
        case ..<0: when = "atrasada \(-days) día(s)"
        case 0: when = "vence hoy"
        case 1: when = "vence mañana"
        default: when = "faltan \(days) días"
        }
        return head + " vence \(ProjectAlarms.dmy(due)): " + when
    }
}
