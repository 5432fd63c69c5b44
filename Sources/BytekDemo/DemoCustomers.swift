import BytekModel
import Foundation

/// Generates realistic customers: companies with valid RUC (prefix 20), people with DNI (some with
/// a RUC 10 for their business), a few foreigners with carné de extranjería or passport, places in
/// Lima and the provinces, contacts, units served and credit terms.
public enum DemoCustomers {
    public static func make(count: Int, seed: UInt64 = 2026) -> [Customer] {
        var rng = DemoRandom(seed: seed)
        var usedDocs = Set<String>()
        var customers: [Customer] = []
        customers.reserveCapacity(count)
        while customers.count < count {
            let c = one(&rng, index: customers.count)
            let key = c.docType.rawValue + c.docNumber
            if usedDocs.insert(key).inserted { customers.append(c) }
        }
        return customers
    }

    static func one(_ rng: inout DemoRandom, index: Int) -> Customer {
        let place = rng.pick(PeruvianNames.places)
        let kind = rng.int(1...100)
        var c: Customer
        if kind <= 70 {
            let name = "\(rng.pick(PeruvianNames.companyPrefixes)) \(rng.pick(PeruvianNames.companyCores)) \(rng.pick(PeruvianNames.companySuffixes))"
            let ruc = RUC.complete("20" + rng.digits(8)) ?? "20100047218"
            c = Customer(docType: .ruc, docNumber: ruc, legalName: name)
            if rng.chance(35) { c.tradeName = rng.pick(PeruvianNames.tradeNames) }
            c.email = rng.pick(["contacto", "ventas", "informes", "gerencia", "administracion", "facturacion", "logistica", "compras"])
                + "@" + slug(name) + rng.pick([".com.pe", ".pe", ".com"])
        } else {
            let first = rng.pick(PeruvianNames.firstNames)
            let last1 = rng.pick(PeruvianNames.surnames), last2 = rng.pick(PeruvianNames.surnames)
            let dni = rng.digits(8)
            let name = "\(last1) \(last2), \(first)"
            if kind <= 85 {
                c = Customer(docType: .ruc, docNumber: RUC.complete("10" + dni) ?? "10" + dni + "0", legalName: name)
            } else if kind <= 96 {
                c = Customer(docType: .dni, docNumber: dni, legalName: name)
            } else if kind <= 98 {
                c = Customer(docType: .ce, docNumber: "00" + rng.digits(7), legalName: name)
            } else {
                c = Customer(docType: .passport, docNumber: "P" + rng.digits(8), legalName: name)
            }
            c.email = slug(first) + "." + slug(last1) + "@gmail.com"
        }
        c.address = "\(rng.pick(PeruvianNames.streets)) \(rng.int(100...3999))" + (rng.chance(30) ? " Of. \(rng.int(2...15))0\(rng.int(1...9))" : "")
        c.department = place.0; c.province = place.1; c.district = place.2
        c.phone = rng.chance(60) ? "9\(rng.digits(2)) \(rng.digits(3)) \(rng.digits(3))" : "(\(place.3)) \(rng.digits(3))-\(rng.digits(4))"
        var units = Set<BusinessUnit>()
        for u in BusinessUnit.allCases where rng.chance(45) { units.insert(u) }
        if units.isEmpty { units.insert(rng.pick(BusinessUnit.allCases)) }
        c.units = units
        c.creditDays = rng.pick([0, 0, 15, 30, 30, 45, 60])
        let currency: Currency = rng.chance(15) ? .usd : .pen
        c.creditLimit = c.creditDays == 0 ? .zero(currency) : Money(minorUnits: Int64(rng.int(5...80)) * 100_000, currency)
        if c.docType == .ruc && c.docNumber.hasPrefix("20") {
            for _ in 0..<rng.int(1...3) {
                let first = rng.pick(PeruvianNames.firstNames), last = rng.pick(PeruvianNames.surnames)
                c.contacts.append(Contact(
                    name: "\(first) \(last)", role: rng.pick(PeruvianNames.roles),
                    email: String(slug(first).prefix(1)) + slug(last) + "@" + (c.email.split(separator: "@").last.map(String.init) ?? "empresa.pe"),
                    phone: "9\(rng.digits(2)) \(rng.digits(3)) \(rng.digits(3))",
                    whatsapp: rng.chance(70) ? "+51 9\(rng.digits(2)) \(rng.digits(3)) \(rng.digits(3))" : ""))
            }
        }
        if rng.chance(10) { c.notes = rng.pick(["Cliente desde 2019.", "Prefiere factura electrónica al correo del contador.",
                                                "Visitas técnicas solo por la mañana.", "Pago con detracción.", "Referido por Grupo Andina."]) }
        return c
    }

    /// "Corporación Andina S.A.C." → "corporacionandina".
    static func slug(_ s: String) -> String {
        String(TextFold.fold(s).filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(24))
    }
}
