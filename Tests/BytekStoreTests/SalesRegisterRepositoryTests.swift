import BytekModel
import Foundation
import Testing
@testable import BytekStore

/// What the sales register reads from the books: the month's documents by issue date, without the rejected or
/// failed ones, voided ones marked, a note with the date of the document it modifies; the replacement ZIP and a
/// proposal read back through libzip.
@Suite struct SalesRegisterRepositoryTests {
    static let issuer = Issuer(ruc: ruc("2060012345"), legalName: "BYTEK SOLUCIONES S.A.C.",
                               address: FiscalAddress(ubigeo: "150131", line: "Av. Javier Prado 1", district: "San Isidro",
                                                      province: "Lima", department: "Lima"))

    /// Issues `doc` as of its own day and sets its status.
    static func issue(_ db: Database, _ doc: EDocument, _ status: EDocumentStatus) throws {
        let at = doc.issuedAt
        let repo = EDocumentRepository(db: db, user: "t", now: { at.addingTimeInterval(60) })
        let r = try repo.issue(doc) { d in
            PreparedEDocument(signedXML: Array("<x/>".utf8), zip: Data([0x50, 0x4b]), digestValue: "h", fileName: d.fileName)
        }
        if status != .pendiente {
            try db.execute("UPDATE e_document SET status = ? WHERE id = ?", [.text(status.rawValue), .int(r.id)])
        }
    }

    static func factura(day: Int, month: Int = 11, price: Decimal = 100) throws -> EDocument {
        EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1,
                  issuedAt: LimaTime.instant(LocalDate(year: 2026, month: month, day: day)!, hour: 9), issuer: issuer,
                  customer: DocumentCustomer(documentType: .ruc, number: ruc("2010045452"), name: "CLIENTE S.A."),
                  lines: [EDocumentLine(description: "Servicio", quantity: 1, unitPrice: price)])
    }

    @Test func periodDocumentsAsTheRegisterReadsThem() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        try Self.issue(db, try Self.factura(day: 31, month: 10), .aceptado)   // F001-1, October
        try Self.issue(db, try Self.factura(day: 10), .aceptado)              // F001-2
        try Self.issue(db, try Self.factura(day: 11), .rechazado)             // F001-3: not in the register
        try Self.issue(db, try Self.factura(day: 12), .error)                 // F001-4: not in the register
        try Self.issue(db, try Self.factura(day: 13), .anulado)               // F001-5: voided
        try Self.issue(db, try Self.factura(day: 30), .pendiente)             // F001-6: pending, still ours
        let note = EDocument(kind: .notaCredito, series: try Series("FC01", for: .notaCredito), number: 1,
                             issuedAt: LimaTime.instant(LocalDate(year: 2026, month: 11, day: 14)!, hour: 9), issuer: Self.issuer,
                             customer: DocumentCustomer(documentType: .ruc, number: ruc("2010045452"), name: "CLIENTE S.A."),
                             lines: [EDocumentLine(description: "Servicio", quantity: 1, unitPrice: 50)],
                             note: NoteDetails(reference: DocumentReference(kind: .factura, series: try Series("F001"), number: 1),
                                               reason: .credit(.descuentoGlobal), description: "Descuento"))
        try Self.issue(db, note, .aceptado)
        try Self.issue(db, try Self.factura(day: 1, month: 12), .aceptado)    // F001-7, December

        let docs = try SalesRegisterRepository(db: db, user: "t").documents(YearMonth(year: 2026, month: 11))
        #expect(docs.map(\.document.id) == ["F001-2", "F001-5", "F001-6", "FC01-1"])
        #expect(docs.map(\.voided) == [false, true, false, false])
        #expect(docs.map(\.status) == ["aceptado", "anulado", "pendiente", "aceptado"])
        #expect(docs[3].referenceDate == LocalDate(year: 2026, month: 10, day: 31))
    }

    @Test func replacementZipAndProposalThroughLibzip() throws {
        let folder = TempFolder()
        let line = RVIELine(ruc: Self.issuer.ruc, legalName: "BYTEK SOLUCIONES S.A.C.", period: YearMonth(year: 2026, month: 11),
                            car: "", issueDate: LocalDate(year: 2026, month: 11, day: 3)!, type: "01", series: "F001", number: 9,
                            customerDocType: "6", customerDocNumber: ruc("2010045452"), customerName: "ÑANDÚ S.A.",
                            amounts: .zero(.pen), currency: .pen)
        let file = RVIEFile(ruc: Self.issuer.ruc, period: YearMonth(year: 2026, month: 11), lines: [line])
        let path = try SalesRegisterFiles.writeZip(file, into: folder.path)
        #expect(path == folder.path + "/" + file.zipName)
        // What was zipped is the file's bytes; the reader gives them back (it takes a zip like a txt).
        #expect(try SalesRegisterFiles.readProposal(path) == file.bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [file.zipName])
        #expect(throws: SalesRegisterError.cannotWrite(path: folder.path + "/no", reason: "la carpeta no existe")) {
            try SalesRegisterFiles.writeZip(file, into: folder.path + "/no")
        }
        try Data("PK\u{3}\u{4}roto".utf8).write(to: URL(fileURLWithPath: folder.file("roto.zip")))
        do {
            _ = try SalesRegisterFiles.readProposal(folder.file("roto.zip"))
            Issue.record("un ZIP dañado se leyó")
        } catch let e as SalesRegisterError {
            #expect(e.message.contains("el ZIP está dañado o incompleto"), "\(e.message)")
        }
    }
}
