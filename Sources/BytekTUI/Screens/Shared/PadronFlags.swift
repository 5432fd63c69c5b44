import BytekModel
import BytekServices
import BytekStore

/// SUNAT's word on a customer's RUC where it matters (its record, the quote builder, issuing a factura):
/// a RUC that is not ACTIVO or not HABIDO in the padrón is flagged — a warning, never a block. The padrón
/// is opened once per screen (it is a separate read-only file) and each RUC looked up once, so a frame
/// costs a dictionary lookup. No padrón, a role that may not read it, or a RUC not in it: nothing is flagged.
@MainActor
final class PadronFlags {
    private let padron: Padron?
    private var seen: [String: PadronEntry?] = [:]

    init(services: Services) {
        padron = (try? services.padron.reader()) ?? nil
    }

    /// The padrón's entry for `ruc` when it is not ACTIVO and HABIDO; nil when it is, or unknown.
    func flagged(ruc: String) -> PadronEntry? {
        guard let padron else { return nil }
        if let known = seen[ruc] { return known }
        let entry = (try? padron.entry(ruc: ruc)) ?? nil
        let flagged = entry.flatMap { $0.isActiveAndHabido ? nil : $0 }
        seen[ruc] = .some(flagged)
        return flagged
    }

    /// "BAJA DE OFICIO / NO HABIDO": the state and the condition as SUNAT writes them.
    static func state(_ e: PadronEntry) -> String { e.estado + " / " + e.condicion }

    /// What is wrong, as the confirmation says it: "NO HABIDO", "BAJA DE OFICIO", or both joined by "y".
    static func problem(_ e: PadronEntry) -> String { e.problems.joined(separator: " y ") }

    /// "SUNAT: el RUC 20… figura como NO HABIDO. " before a confirmation; "" when the RUC is fine.
    func warning(ruc: String, _ s: Strings) -> String {
        guard let e = flagged(ruc: ruc) else { return "" }
        return s.format("padron.flag.confirm", e.ruc, Self.problem(e)) + " "
    }
}
