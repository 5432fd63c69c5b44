import BytekModel
import BytekSUNAT
import BytekStore
import Foundation
@testable import BytekServices

/// Facturación, the company profile and the e-invoicing settings. The seed holds the settings (which
/// fill the company profile), an accepted factura of customer A and one of customer B (stored with
/// stand-in signed bytes: fast), and a pending factura of A with its send job. Issuing signs for real
/// with a self-signed certificate made once per run; nothing is sent (the worker does not run).
enum BillingMatrix: MatrixArea {
    static let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                               address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1232", district: "Miraflores",
                                                      province: "Lima", department: "Lima"))

    static let seed: MatrixSeed = { store, world in
        try EInvoicingSettingsRepository(db: store.db, user: "setup", now: MatrixWorld.now)
            .save(EInvoicingSettings(issuer: issuer, detraccionAccount: "00-000-123456"))
        let edocs = EDocumentRepository(db: store.db, user: "setup", now: MatrixWorld.now)
        func factura(_ ruc: String, _ name: String) throws -> EDocumentRecord {
            let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: MatrixWorld.now(),
                                issuer: issuer, customer: DocumentCustomer(documentType: .ruc, number: ruc, name: name),
                                lines: [EDocumentLine(description: "Soporte técnico", quantity: 1, unit: .service, unitPrice: 100,
                                                      itemKind: .service)])
            return try edocs.issue(doc) { d in
                PreparedEDocument(signedXML: Array("<Invoice><cbc:ID>\(d.id)</cbc:ID></Invoice>".utf8), zip: Data([0x50, 0x4b]),
                                  digestValue: "hash-\(d.id)", fileName: d.fileName)
            }
        }
        for (name, ruc, legal) in [("invoiceA", "20100047218", "Cliente A S.A.C."), ("invoiceB", "20131312955", "Cliente B S.A.")] {
            let r = try factura(ruc, legal)
            try edocs.recordAnswer(id: r.id, status: .aceptado, cdrZip: nil, responseCode: "0",
                                   description: "La Factura numero \(r.documentID), ha sido aceptada", observations: [])
            world.ids[name] = r.id
        }
        world.ids["pendingA"] = try factura("20100047218", "Cliente A S.A.C.").id
    }

    /// The test certificate and SOL user as the environment the services read (no secrets file of the
    /// machine is read instead).
    static let environment: [String: String] = {
        let pfx = (try? SelfSignedCertificate.pkcs12(commonName: issuer.ruc, organization: issuer.legalName,
                                                     password: "clave", validDays: 30))?.base64EncodedString() ?? ""
        let none = NSTemporaryDirectory() + "bytek-matrix-none-" + UUID().uuidString
        return ["BYTEK_SOL_USER": "MODDATOS", "BYTEK_SOL_PASSWORD": "moddatos", "BYTEK_CERT_PFX_BASE64": pfx,
                "BYTEK_CERT_PASSWORD": "clave", "BYTEK_SECRETS": none + "/secretos", "BYTEK_SUNAT_CREDENTIALS": none + "/cred"]
    }()

    /// The same actor with the signing certificate in its environment.
    static func signing(_ s: Services) -> Services {
        Services(store: s.store, actor: s.actor, now: s.now, environment: { environment })
    }

    /// The document of customer A (own) or B (other).
    static func invoice(_ w: MatrixWorld, _ t: MatrixTarget) -> Int64 { w.ids[t == .own ? "invoiceA" : "invoiceB"] ?? -1 }

    static let readers = "admin ventas finanzas operaciones"

    static let expected: [String: String] = [
        "comprobante.listar": readers + " contacto",
        "comprobante.estado": readers,
        "comprobante.ver": readers + " contacto",
        "comprobante.xml": readers + " contacto",
        "comprobante.pdf": readers + " contacto",
        "comprobante.revisar": readers,
        "comprobante.emitir": "admin finanzas",
        "comprobante.nota": "admin finanzas",
        "comprobante.anular": "admin finanzas",
        "comprobante.reenviar": "admin finanzas",
        "comprobante.resumen": "admin finanzas",
        "empresa.ver": ExpectedMatrix.staffAll,
        "empresa.editar": "admin",
        "facturacion.ajustes_ver": readers,
        "facturacion.ajustes_editar": "admin",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.invoiceList) { s, _, t in
            // The target customer's documents by its RUC: a contact's list never holds another customer's.
            let ruc = t == .own ? "20100047218" : "20131312955"
            guard try !s.invoices.pager(EDocumentQuery(search: ruc)).first(10).isEmpty else { throw ServiceError.notFound }
        },
        MatrixCase(.invoiceOverview) { s, _, _ in
            guard try s.invoices.countsByStatus()[.aceptado] == 2 else { throw ServiceError.notFound }
            _ = try s.invoices.batchList()
        },
        MatrixCase(.invoiceView) { s, w, t in _ = try s.invoices.detail(id: invoice(w, t)) },
        MatrixCase(.invoiceXML) { s, w, t in
            guard String(decoding: try s.invoices.signedXML(id: invoice(w, t)), as: UTF8.self).contains("F001-") else {
                throw ServiceError.notFound
            }
        },
        MatrixCase(.invoicePDF) { s, w, t in
            let path = try s.invoices.writePDF(id: invoice(w, t), format: .a4, to: w.folder + "/" + UUID().uuidString + ".pdf")
            defer { try? FileManager.default.removeItem(atPath: path) }
            guard FileManager.default.contents(atPath: path)?.starts(with: Array("%PDF".utf8)) == true else {
                throw ServiceError.notFound
            }
        },
        MatrixCase(.invoiceCheck) { s, w, t in
            // An empty folder: allowed actors get as far as SUNAT's rules, which refuse the folder.
            do { _ = try s.invoices.check(documentID: "F001-1", rulesFolder: w.folder) } catch is SunatRulesError {}
        },
        MatrixCase(.invoiceIssue) { s, _, _ in
            let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: s.now(),
                                issuer: issuer,
                                customer: DocumentCustomer(documentType: .ruc, number: "20100047218", name: "Cliente A S.A.C."),
                                lines: [EDocumentLine(description: "Instalación de red", quantity: 2, unit: .service,
                                                      unitPrice: 150, itemKind: .service)])
            let record = try signing(s).invoices.issue(doc)
            guard record.status == .pendiente, record.documentID == "F001-4" else { throw ServiceError.notFound }
        },
        MatrixCase(.invoiceNote) { s, w, t in
            try signing(s).invoices.issueNote(originalID: invoice(w, t), kind: .notaCredito, reason: .credit(.anulacion),
                                              description: "Anulación de la operación")
        },
        MatrixCase(.invoiceVoid) { s, w, t in
            let r = try s.invoices.requestVoid(id: invoice(w, t), reason: "Error en el RUC del cliente")
            guard r.voidReason != nil else { throw ServiceError.notFound }
        },
        MatrixCase(.invoiceRetry) { s, w, _ in try s.invoices.retry(id: w.ids["pendingA"] ?? -1) },
        MatrixCase(.invoiceSummary) { s, _, _ in try s.invoices.queueSummary(evenIfEmpty: true) },
        MatrixCase(.companyView) { s, _, _ in
            guard try s.company.profile().ruc == issuer.ruc else { throw ServiceError.notFound }
        },
        MatrixCase(.companyEdit) { s, _, _ in
            var profile = try s.services(as: .admin).company.profile()
            profile.phone = "01 444 5555"
            try s.company.save(profile)
        },
        MatrixCase(.billingSettingsView) { s, _, _ in
            guard try s.company.settings() != nil else { throw ServiceError.notFound }
        },
        MatrixCase(.billingSettingsEdit) { s, _, _ in
            guard var settings = try s.services(as: .admin).company.settings() else { return }
            settings.detraccionAccount = "00-000-654321"
            try s.company.save(settings)
        },
    ]
}
