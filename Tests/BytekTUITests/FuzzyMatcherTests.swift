import Testing
@testable import BytekTUI

@Suite struct FuzzyMatcherTests {
    let actions = [
        "Nuevo cliente", "Nuevo contacto", "Ver cotizaciones", "Nueva venta", "Nueva cotización",
        "Ir a Catálogo", "Nuevo producto del catálogo", "Cotizaciones vencidas", "Ir a Clientes",
        "Cliente: ACME Perú S.A.C.", "Cliente: ACME SAC", "Exportar clientes (CSV)",
    ]

    func ranked(_ q: String) -> [String] { FuzzyMatcher.rank(q, actions, key: { $0 }).map(\.item) }

    @Test func nuevaCotRanksNuevaCotizacionFirst() {
        #expect(ranked("nueva cot").first == "Nueva cotización")
        #expect(ranked("nueva cotizacion").first == "Nueva cotización")
        #expect(ranked("NUEVA COTIZACIÓN").first == "Nueva cotización")
    }

    @Test func clienteAcmeMatchesTheRecord() {
        let m = FuzzyMatcher.match("cliente acme", "Cliente: ACME SAC")
        #expect(m != nil)
        #expect(m?.positions == [0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12])
        let top = ranked("cliente acme").prefix(2)
        #expect(Set(top) == ["Cliente: ACME SAC", "Cliente: ACME Perú S.A.C."])
        #expect(ranked("cliente acme").first == "Cliente: ACME SAC")  // shorter wins a tie
    }

    @Test func accentAndCaseInsensitive() {
        #expect(FuzzyMatcher.match("nunez", "Núñez Pérez, José") != nil)
        #expect(FuzzyMatcher.match("NÚÑEZ", "nunez") != nil)
        #expect(FuzzyMatcher.match("catalogo", "Ir a Catálogo")?.positions == [5, 6, 7, 8, 9, 10, 11, 12])
        #expect(FuzzyMatcher.match("perez", "Nu\u{0301}n\u{0303}ez Pe\u{0301}rez") != nil)
    }

    @Test func wordStartsAndRunsScoreHigher() {
        let starts = FuzzyMatcher.match("nc", "Nuevo cliente")
        let inside = FuzzyMatcher.match("nc", "Financiera")
        #expect((starts?.score ?? 0) > (inside?.score ?? 0))
        let run = FuzzyMatcher.match("cot", "Ver cotizaciones")
        let spread = FuzzyMatcher.match("cot", "Crear contrato")
        #expect((run?.score ?? 0) > (spread?.score ?? 0))
        #expect(ranked("ir cli").first == "Ir a Clientes")
    }

    @Test func wordsInAnyOrderStillMatch() {
        #expect(FuzzyMatcher.match("acme cliente", "Cliente: ACME SAC") != nil)
        #expect(FuzzyMatcher.match("acme proveedor", "Cliente: ACME SAC") == nil)
        let inOrder = FuzzyMatcher.match("cliente acme", "Cliente: ACME SAC")?.score ?? 0
        let reversed = FuzzyMatcher.match("acme cliente", "Cliente: ACME SAC")?.score ?? 0
        #expect(inOrder > reversed)
    }

    @Test func nonMatchesAndEmptyQuery() {
        #expect(FuzzyMatcher.match("xyz", "Nuevo cliente") == nil)
        #expect(FuzzyMatcher.match("clientes", "Cliente") == nil)
        #expect(FuzzyMatcher.match("", "Cualquiera") == FuzzyMatch(score: 0, positions: []))
        #expect(ranked("") == actions)  // an empty query keeps the given order
    }
}
