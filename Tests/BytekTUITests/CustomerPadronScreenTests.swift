import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// The customer form fills razón social and address from SUNAT's padrón when a RUC is left, warns about a
/// RUC that is not ACTIVO / HABIDO, and says so quietly when there is no padrón or the RUC is not in it.
@MainActor
@Suite struct CustomerPadronScreenTests {
    static let header = "RUC|NOMBRE O RAZÓN SOCIAL|ESTADO DEL CONTRIBUYENTE|CONDICIÓN DE DOMICILIO|UBIGEO|TIPO DE VÍA|"
        + "NOMBRE DE VÍA|CÓDIGO DE ZONA|TIPO DE ZONA|NÚMERO|INTERIOR|LOTE|DEPARTAMENTO|MANZANA|KILÓMETRO|"
    static let bank = RUC.complete("2010004721")!
    static let person = RUC.complete("1040506070")!
    static let missing = RUC.complete("2099999999")!

    /// A small padrón (Latin-1, CRLF, as SUNAT ships it) imported beside the harness's database.
    func importPadron(_ h: ScreenHarness) throws {
        let lines = [
            Self.header,
            "\(Self.bank)|BANCO DE CRÉDITO DEL PERÚ|ACTIVO|HABIDO|150114|CAL.|CENTENARIO|URB.|LAS LADERAS DE MELGAREJO|156|-|-|-|-|-|",
            "\(Self.person)|ÑAHUI CÁCERES JOSÉ|BAJA DE OFICIO|NO HABIDO|080108|-|-|A.H.|SEÑOR DE LOS MILAGROS|-|-|12|-|B|-|",
        ]
        let text = lines.joined(separator: "\r\n") + "\r\n"
        let source = h.dir.appendingPathComponent("padron.txt")
        try Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }).write(to: source)
        let report = try PadronImporter(destination: PadronFiles.path(besideDatabase: h.store.path)).run(source: source.path)
        #expect(report.imported == 2)
    }

    /// Opens a new customer and types `ruc` in the document number, then leaves it with Tab.
    func typeRUC(_ h: ScreenHarness, _ ruc: String) {
        h.keys(.char("n"))
        #expect(h.screen.contains("Nuevo cliente"))
        h.keys(.tab)
        h.type(ruc)
        h.keys(.tab)
    }

    func savedCustomer(_ h: ScreenHarness) throws -> Row? {
        try h.store.db.query("SELECT legal_name, address, department, province, district FROM customer").first
    }

    @Test func aRucInThePadronFillsNameAndAddressThenTheUserCanChangeThem() throws {
        let h = try ScreenHarness()
        try importPadron(h)
        let place = try #require(Ubigeo.lookup("150114"))
        #expect(place.district == "LA MOLINA" && place.province == "LIMA" && place.department == "LIMA")
        typeRUC(h, Self.bank)
        #expect(h.screen.contains("Datos del padrón SUNAT: razón social, dirección, ubicación"))
        #expect(h.screen.contains("BANCO DE CRÉDITO DEL PERÚ"))
        #expect(h.screen.contains("CAL. CENTENARIO NRO. 156 URB. LAS LADERAS DE MELGAREJO"))
        #expect(h.screen.contains("LA MOLINA"))
        #expect(!h.screen.contains("SUNAT: BAJA"))
        // The focus is on the razón social now: the user shortens it and saves.
        h.keys(.ctrl("u"))
        h.type("BCP S.A.")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Cliente guardado: BCP S.A."))
        let row = try #require(try savedCustomer(h))
        #expect(row.string("legal_name") == "BCP S.A.")
        #expect(row.string("address") == "CAL. CENTENARIO NRO. 156 URB. LAS LADERAS DE MELGAREJO")
        #expect(row.string("department") == "LIMA" && row.string("province") == "LIMA" && row.string("district") == "LA MOLINA")
    }

    @Test func aNoHabidoRucWarnsAndStillSaves() throws {
        let h = try ScreenHarness()
        try importPadron(h)
        typeRUC(h, Self.person)
        #expect(h.screen.contains("SUNAT: BAJA DE OFICIO / NO HABIDO"))
        #expect(h.screen.contains("ÑAHUI CÁCERES JOSÉ"))
        #expect(h.screen.contains("MZA. B LOTE. 12 A.H. SEÑOR DE LOS MILAGROS"))
        let place = try #require(Ubigeo.lookup("080108"))
        #expect(h.screen.contains(place.district))
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Cliente guardado: ÑAHUI CÁCERES JOSÉ"))
        #expect(try savedCustomer(h)?.string("district") == place.district)
    }

    @Test func whatTheUserTypedIsKeptAndWhatThePadronWroteIsReplaced() throws {
        let h = try ScreenHarness()
        try importPadron(h)
        h.keys(.char("n"))
        // Type an address first (docType, docNumber, legalName, tradeName, address).
        h.keys(.tab, .tab, .tab, .tab)
        h.type("Av. Javier Prado 123")
        h.keys(.backTab, .backTab, .backTab)
        h.type(Self.bank)
        h.keys(.tab)
        #expect(h.screen.contains("Datos del padrón SUNAT: razón social, ubicación · sin tocar: dirección"))
        #expect(h.screen.contains("Av. Javier Prado 123"))
        #expect(!h.screen.contains("CAL. CENTENARIO"))
        // Another RUC: what the padrón wrote (not typed over since) follows the new RUC.
        h.keys(.backTab, .ctrl("u"))
        h.type(Self.person)
        h.keys(.enter)
        #expect(h.screen.contains("SUNAT: BAJA DE OFICIO / NO HABIDO"))
        #expect(h.screen.contains("ÑAHUI CÁCERES JOSÉ"))
        #expect(!h.screen.contains("BANCO DE CRÉDITO"))
        #expect(h.screen.contains("Av. Javier Prado 123"))
        #expect(!h.screen.contains("LA MOLINA"))
    }

    @Test func withoutAPadronNothingIsFilledAndSavingWorks() throws {
        let h = try ScreenHarness()
        typeRUC(h, Self.bank)
        #expect(h.screen.contains("Sin padrón SUNAT importado: complete los datos a mano."))
        #expect(!h.screen.contains("BANCO DE CRÉDITO"))
        h.type("Banco a mano S.A.")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Cliente guardado: Banco a mano S.A."))
    }

    @Test func aRucNotInThePadronIsANoteAndAnInvalidOneIsLeftToSaving() throws {
        let h = try ScreenHarness()
        try importPadron(h)
        typeRUC(h, Self.missing)
        #expect(h.screen.contains("El RUC \(Self.missing) no figura en el padrón SUNAT: complete los datos a mano."))
        h.keys(.backTab, .ctrl("u"))
        h.type("20100047219")  // wrong check digit
        h.keys(.tab)
        #expect(!h.screen.contains("padrón SUNAT"), "an invalid RUC is not looked up: saving explains it")
        #expect(!h.screen.contains("BANCO DE CRÉDITO"))
    }
}

/// The lead conversion form of Ventas fills the address from the padrón too; the lead's name stays.
@MainActor
@Suite struct LeadConversionPadronScreenTests {
    @Test func leavingTheRucFillsTheAddressAndKeepsTheLeadsName() throws {
        let h = try ScreenHarness()
        try CustomerPadronScreenTests().importPadron(h)
        let f = SalesFixture(h: h)
        let deal = try f.deal("Cableado", lead: "Colegio San Martín", unit: .digital, stage: "Nuevo", cents: 450_000)
        h.go(.sales); h.keys(.char("C"))
        #expect(h.screen.contains("Convertir en cliente: Colegio San Martín"))
        h.keys(.tab)
        h.type(CustomerPadronScreenTests.bank)
        h.keys(.tab)
        #expect(h.screen.contains("Datos del padrón SUNAT: dirección, ubicación · sin tocar: razón social"))
        #expect(h.screen.contains("CAL. CENTENARIO NRO. 156 URB. LAS LADERAS DE MELGAREJO"))
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Cliente creado: Colegio San Martín"))
        let dealId = try #require(deal.id)
        let stored = try #require(try DealRepository(db: h.store.db, user: "admin").get(dealId))
        let customerId = try #require(stored.customerId)
        let customer = try #require(try h.customers.get(customerId))
        #expect(customer.legalName == "Colegio San Martín")
        #expect(customer.address == "CAL. CENTENARIO NRO. 156 URB. LAS LADERAS DE MELGAREJO")
        #expect(customer.district == "LA MOLINA")
    }
}

/// A new deal for a lead: its RUC fills the lead's name from the padrón.
@MainActor
@Suite struct DealLeadPadronScreenTests {
    @Test func aLeadsRucFillsItsNameAndTheDealSaves() throws {
        let h = try ScreenHarness()
        try CustomerPadronScreenTests().importPadron(h)
        h.go(.sales); h.keys(.char("n"))
        #expect(h.screen.contains("Nueva oportunidad"))
        h.type("Cableado estructurado")
        h.keys(.tab, .tab, .tab, .tab, .right, .tab)  // leaves the lead's name empty; document: RUC
        h.type(CustomerPadronScreenTests.person)
        h.keys(.tab)
        #expect(h.screen.contains("SUNAT: BAJA DE OFICIO / NO HABIDO · Datos del padrón SUNAT: razón social"))
        #expect(h.screen.contains("ÑAHUI CÁCERES JOSÉ"))
        h.keys(.tab, .tab)
        h.type("4500")
        h.keys(.tab, .tab)
        h.type("15/12/2026")
        h.keys(.ctrl("s"))
        #expect(try h.store.db.scalar("SELECT count(*) FROM deal").intValue == 1)
        #expect(try h.store.db.query("SELECT name FROM lead").first?.string("name") == "ÑAHUI CÁCERES JOSÉ")
    }
}
