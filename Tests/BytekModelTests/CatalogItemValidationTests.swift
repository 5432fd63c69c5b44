import Testing
@testable import BytekModel

@Suite("Catalog item validation")
struct CatalogItemValidationTests {
    static func product() -> CatalogItem {
        CatalogItem(sku: "NAS-DS224", name: "NAS Synology DS224+", unit: .infrastructure, niche: "Almacenamiento",
                    kind: .product, price: Money(minorUnits: 189_900, .pen), cost: Money(minorUnits: 150_000, .pen),
                    tracksSerials: true)
    }

    @Test func validKinds() {
        #expect(Self.product().validate().isEmpty)
        let hour = CatalogItem(sku: "SRV-HORA", name: "Hora técnica", unit: .infrastructure, kind: .service,
                               price: Money(minorUnits: 12_000, .pen), rateBasis: .hour)
        #expect(hour.validate().isEmpty)
        #expect(hour.sunatUnit == .hour)
        let sub = CatalogItem(sku: "MANT-NAS-ANUAL", name: "Mantenimiento anual", unit: .infrastructure,
                              kind: .subscription, price: Money(minorUnits: 90_000, .usd), period: .annual)
        #expect(sub.validate().isEmpty)
        #expect(sub.sunatUnit == .year)
        #expect(sub.cost.currency == .usd)
    }

    @Test func skuRules() {
        var item = Self.product()
        item.sku = ""
        #expect(item.validate()[.sku] == .required)
        item.sku = "nas ds224"
        #expect(item.normalized().validate()[.sku] == .invalidSKU)
        item.sku = " nas-ds224 "
        #expect(item.normalized().sku == "NAS-DS224")
        #expect(item.normalized().validate().isEmpty)
        item.sku = String(repeating: "A", count: 31)
        #expect(item.validate()[.sku] == .invalidSKU)
        item.sku = "ÑANDÚ"
        #expect(item.validate()[.sku] == .invalidSKU)
    }

    @Test func kindRules() {
        var item = Self.product()
        item.rateBasis = .hour
        item.period = .monthly
        #expect(item.validate() == [.rateBasis: .notAllowedForKind(.product), .period: .notAllowedForKind(.product)])
        item = Self.product(); item.kind = .service; item.tracksSerials = false
        #expect(item.validate() == [.rateBasis: .requiredForKind(.service)])
        item = Self.product(); item.kind = .subscription
        #expect(item.validate() == [.period: .requiredForKind(.subscription), .tracksSerials: .notAllowedForKind(.subscription)])
    }

    @Test func amounts() {
        var item = Self.product()
        item.price = Money(minorUnits: -1, .pen)
        item.cost = Money(minorUnits: 5, .usd)
        #expect(item.validate() == [.price: .negativeAmount, .cost: .currencyMismatch])
        item.name = ""
        #expect(item.validate()[.name] == .required)
    }

    @Test func taxAndUnits() {
        #expect(TaxCategory.allCases.map(\.affectationCode) == ["10", "20", "30"])
        #expect(SunatUnit.allCases.map(\.code) == ["NIU", "ZZ", "HUR", "MON", "ANN", "BX", "MTR", "KGM", "SET"])
        #expect(BillingPeriod.allCases.map(\.months) == [1, 3, 12])
    }

    @Test func users() {
        #expect(User(login: "mperez", name: "María Pérez", role: .ventas).validate().isEmpty)
        #expect(User(login: " MPerez ", name: "x", role: .ventas).normalized().login == "mperez")
        #expect(User(login: "m perez", name: "", role: .ventas).validate() == [.login: .invalidLogin, .name: .required])
    }
}
