import BytekModel
import Foundation

/// The e-invoicing speed budget of `bytek bench`: build + sign + zip of a 20-line factura.
public enum SunatBenchmark {
    /// A realistic 20-line factura: products and service hours, gravado and one exonerado line,
    /// a line discount, al contado.
    public static func sampleFactura(number: Int = 1) -> EDocument? {
        guard let issuerRUC = RUC.complete("2060012345"), let customerRUC = RUC.complete("2010045452"),
              let day = LocalDate(year: 2026, month: 11, day: 26),
              let series = try? Series("F001", for: .factura) else { return nil }
        let issuer = Issuer(ruc: issuerRUC, legalName: "BYTEK SOLUCIONES TECNOLÓGICAS S.A.C.", tradeName: "BYTEK",
                            address: FiscalAddress(ubigeo: "150122", line: "Av. José Larco 1232 Of. 504",
                                                   district: "Miraflores", province: "Lima", department: "Lima"))
        let customer = DocumentCustomer(documentType: .ruc, number: customerRUC, name: "CORPORACIÓN ANDINA S.A.C.",
                                        address: "Av. Javier Prado Este 1234, San Isidro")
        let lines: [EDocumentLine] = (1...20).map { i in
            let service = i % 3 == 0
            return EDocumentLine(
                description: service ? "Hora de servicio técnico en sitio \(i)" : "Access point Ubiquiti UniFi U6 Lite \(i)",
                quantity: Decimal(i % 5 + 1), unit: service ? .hour : .unit, unitPrice: Decimal(75 + i * 13),
                priceIncludesIGV: false, affectation: .onerous(i == 20 ? .exonerado : .gravado),
                discount: i % 7 == 0 ? .percent(10) : .none, itemCode: "SKU-\(i)", itemKind: service ? .service : .product)
        }
        return EDocument(kind: .factura, series: series, number: number, issuedAt: LimaTime.instant(day, hour: 10, minute: 30),
                         issuer: issuer, customer: customer, currency: .pen, lines: lines, orderReference: "COT-2026-00042")
    }

    /// Documents per second for build (UBL) + sign + zip over `count` facturas, on the calling thread.
    public static func buildSignZip(count: Int, key: SigningKey) throws -> Double {
        try XMLSigner.initialize()
        // The sample is made once: what is timed is what issuing does with a document already in memory.
        guard var doc = sampleFactura() else { return 0 }
        let start = DispatchTime.now().uptimeNanoseconds
        for n in 1...max(1, count) {
            doc.number = n
            let xml = try UBLWriter.invoice(doc)
            let signed = try XMLSigner.sign(xml, key: key)
            let package = try SunatPackage.document(ruc: doc.issuer.ruc, typeCode: doc.kind.code, series: doc.series.code,
                                                    number: doc.number)
            _ = try package.zip(signed)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Double(count) / seconds
    }
}

extension SunatBenchmark {
    /// A factura of `lines` lines (products and service hours, one exonerado line, no discount) that SUNAT's
    /// rules accept: a pre-flight that runs every rule, as for a good document.
    public static func preflightFactura(lines count: Int) -> EDocument? {
        guard var doc = sampleFactura(number: 1) else { return nil }
        doc.lines = (1...max(1, count)).map { i in
            let service = i % 3 == 0
            return EDocumentLine(
                description: service ? "Hora de servicio técnico en sitio \(i)" : "Access point Ubiquiti UniFi U6 Lite \(i)",
                quantity: Decimal(i % 5 + 1), unit: service ? .hour : .unit, unitPrice: Decimal(75 + i * 13),
                priceIncludesIGV: false, affectation: .onerous(i == 2 ? .exonerado : .gravado),
                itemCode: "SKU-\(i)", itemKind: service ? .service : .product)
        }
        return doc
    }

    /// Milliseconds of SUNAT's rules on a signed `lines`-line factura with the stylesheets already compiled
    /// and the catalogs parsed (one warm-up run first): the median wall time of `rounds` runs and the median
    /// CPU time of this thread (steadier on a busy machine), with the rejecting errors found (none expected).
    public static func preflight(lines: Int, rounds: Int, rules: SunatRules,
                                 key: SigningKey) throws -> (ms: Double, cpuMs: Double, errors: [String]) {
        guard let doc = preflightFactura(lines: lines) else { return (0, 0, ["no sample"]) }
        let prepared = try EDocumentIssuer.prepare(doc, key: key)
        let fileName = prepared.fileName + ".xml"
        let warm = try rules.check(prepared.signedXML, fileName: fileName, ruleSet: .factura, stopAtFirst: true)
        var wall: [Double] = [], cpu: [Double] = []
        func cpuNow() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
        }
        for _ in 0..<max(1, rounds) {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpuNow()
            _ = try rules.check(prepared.signedXML, fileName: fileName, ruleSet: .factura, stopAtFirst: true)
            cpu.append(cpuNow() - cpuStart)
            wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return (wall.sorted()[wall.count / 2], cpu.sorted()[cpu.count / 2], warm.errors.map(\.code))
    }
}
