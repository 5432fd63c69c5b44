import BytekModel
import Foundation
import Testing
@testable import BytekTUI

/// Help lists the module keys that exist for the user; labels, crumbs and messages are not cut
/// inside a word at 120×40.
@MainActor
@Suite struct HelpAndLabelsTests {
    @Test(arguments: [Role.admin, .almacen, .ventas, .finanzas])
    func helpListsOnlyTheGroupKeysOfTheRole(role: Role) throws {
        let h = try ScreenHarness(role: role, login: role.rawValue)
        h.app.draw()
        let n = h.app.groups.count
        #expect(n >= 1 && n < 9)
        h.keys(.char("?"))
        let help = h.screen.replacingOccurrences(of: "│", with: "").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(help.contains(n > 1 ? "1…\(n) F2…F\(n + 1)" : "1 F2"), "\(help)")
        #expect(!help.contains("1…9") && !help.contains("F10"))
        for (i, g) in h.app.groups.enumerated() {
            let modules = g.modules.map(h.app.moduleTitle).joined(separator: ", ")
            #expect(help.contains("\(i + 1) \(h.app.groupTitle(g.group)) (\(modules))"), "\(help)")
        }
        for m in AppModule.allCases where !h.app.groups.contains(where: { $0.modules.contains(m) }) {
            #expect(!help.contains(h.app.moduleTitle(m) + ","), "\(m) is not the role's")
        }
        // The keys past the last group do nothing; the last one works.
        h.keys(.escape)
        let before = h.app.current
        h.keys(.char(Character(String(n + 1))))
        #expect(h.app.current == before)
        h.keys(.f(n + 2))
        #expect(h.app.current == before)
        h.keys(.char(Character(String(n))))
        #expect(h.app.current == h.app.groups[n - 1].modules[0])
    }

    @Test func longStatusMessagesLoseWholeWords() throws {
        let h = try ScreenHarness()
        h.app.draw()
        let words = (1...30).map { "palabra\($0)" }.joined(separator: " ")
        h.app.context.error(words)
        h.app.draw()
        let bar = try #require(h.screen.split(separator: "\n").last.map(String.init))
        let shown = bar.split(separator: " ").filter { $0.hasPrefix("palabra") }
        #expect(!shown.isEmpty)
        for w in shown {
            let word = w.hasSuffix("…") ? String(w.dropLast()) : String(w)
            #expect(words.split(separator: " ").contains(Substring(word)), "«\(w)» cortada: \(bar)")
        }
        #expect(bar.contains("…"))
    }

    @Test func crumbsAreCutBetweenWords() {
        #expect(SafeText.truncateAtWord(" › Pronóstico ponderado", to: 21) == " › Pronóstico…")
        #expect(SafeText.truncateAtWord(" › COT-2026-00001 v1 › Encabezado", to: 21) == " › COT-2026-00001 v1…")
        #expect(SafeText.truncateAtWord("Supercalifragilístico", to: 8) == "Superca…")
        #expect(SafeText.truncateAtWord("corto", to: 8) == "corto")
    }
}

/// Search as a user types it: "eirl" and "sac" find names written with dots.
@MainActor
@Suite struct SearchFoldingScreenTests {
    @Test func customerFilterAndPaletteFoldPunctuation() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        h.keys(.char("/"))
        h.type("eirl")
        #expect(h.screen.contains("1 fila"), "\(h.screen)")
        #expect(h.screen.contains("Inversiones Titicaca E.I.R.L."))
        h.keys(.ctrl("u"))
        h.type("sac")
        #expect(h.screen.contains("2 filas"), "\(h.screen)")
        #expect(h.screen.contains("Comercial Andina S.A.C.") && h.screen.contains("Peña & Ñahui Ingenieros S.A.C."))
        h.keys(.escape, .escape)
        h.keys(.char(":"))
        h.type("cliente titicaca eirl")
        #expect(h.screen.contains("Cliente: Inversiones Titicaca E.I.R.L."), "\(h.screen)")
    }
}
