import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Customer repository")
struct CustomerRepositoryTests {
    static func acme() -> Customer {
        Customer(docType: .ruc, docNumber: ruc("2060123456"), legalName: "ACME Perú S.A.C.", tradeName: "Acme",
                 address: "Av. Larco 123", department: "Lima", province: "Lima", district: "Miraflores",
                 email: "compras@acme.pe", phone: "01 4455667", units: [.infrastructure, .software], creditDays: 30,
                 creditLimit: Money(minorUnits: 1_500_000, .pen), notes: "Cliente desde 2020",
                 contacts: [Contact(name: "Ana Núñez", role: "Compras", email: "ana@acme.pe", phone: "999111222"),
                            Contact(name: "Luis Rojas", role: "TI", whatsapp: "988777666")])
    }

    @Test func createGetAndFindRoundTrip() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let clock = SteppingClock()
        let repo = CustomerRepository(db: db, user: "ana", now: clock.now)
        var input = Self.acme()
        input.docNumber = " " + input.docNumber + " "
        input.email = "Compras@ACME.pe"
        let saved = try repo.create(input)
        let id = try #require(saved.id)
        #expect(saved.createdAt == Date(timeIntervalSince1970: 1_750_000_000))
        let loaded = try #require(try repo.get(id))
        #expect(loaded == saved)
        #expect(loaded.docNumber == ruc("2060123456"))
        #expect(loaded.email == "compras@acme.pe")
        #expect(loaded.contacts == Self.acme().contacts)
        #expect(loaded.units == [.infrastructure, .software])
        #expect(loaded.creditLimit == Money(minorUnits: 1_500_000, .pen))
        #expect(try repo.find(docType: .ruc, docNumber: ruc("2060123456")) == saved)
        #expect(try repo.find(docType: .dni, docNumber: ruc("2060123456")) == nil)
        #expect(try repo.get(id + 1) == nil)
    }

    @Test func auditEntriesForCreateUpdateArchiveRestore() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = CustomerRepository(db: db, user: "ana", now: SteppingClock().now)
        let created = try repo.create(Self.acme())
        let id = try #require(created.id)
        var edited = created
        edited.legalName = "ACME Perú Holding S.A.C."
        edited.contacts.removeLast()
        let updated = try repo.update(edited)
        #expect(try repo.get(id)?.contacts.count == 1)
        try repo.archive(id)
        try repo.restore(id)

        let log = AuditLog(db: db, user: "x")
        let history = try log.history(entity: AuditEntity.customer, entityId: id)
        #expect(history.map(\.action) == [.create, .update, .archive, .restore])
        #expect(history.allSatisfy { $0.user == "ana" })
        #expect(history[0].before == nil)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        func decode(_ json: String?) throws -> Customer {
            try decoder.decode(Customer.self, from: Data(try #require(json).utf8))
        }
        #expect(try decode(history[0].after) == created)
        #expect(try decode(history[1].before) == created)
        #expect(try decode(history[1].after) == updated)
        #expect(try decode(history[2].before).archived == false)
        #expect(try decode(history[2].after).archived == true)
        #expect(try decode(history[3].after).archived == false)
        #expect(history[1].summary.contains("Holding"))
        // Times come from the injected clock and increase.
        #expect(history.map(\.at) == history.map(\.at).sorted())
        #expect(history[0].at == Date(timeIntervalSince1970: 1_750_000_000))
    }

    @Test func unchangedUpdateWritesNothing() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = CustomerRepository(db: db, user: "ana")
        let created = try repo.create(Self.acme())
        let again = try repo.update(created)
        #expect(again == created)
        #expect(try count(db, "audit_log") == 1)
    }

    @Test func duplicateDocumentIsRefusedAndNothingIsWritten() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = CustomerRepository(db: db, user: "ana")
        let first = try repo.create(Self.acme())
        let before = (try count(db, "customer"), try count(db, "customer_contact"), try count(db, "audit_log"))
        var dup = Self.acme()
        dup.legalName = "Otra Empresa S.A."
        #expect(throws: CustomerRepositoryError.duplicateDocument(.ruc, ruc("2060123456"), existingId: first.id ?? 0)) {
            try repo.create(dup)
        }
        // An update that takes another customer's document is refused the same way.
        var other = try repo.create(Customer(docType: .dni, docNumber: "45678912", legalName: "Juan Pérez"))
        other.docType = .ruc
        other.docNumber = ruc("2060123456")
        #expect(throws: CustomerRepositoryError.duplicateDocument(.ruc, ruc("2060123456"), existingId: first.id ?? 0)) {
            try repo.update(other)
        }
        #expect(try count(db, "customer") == before.0 + 1)
        #expect(try count(db, "customer_contact") == before.1)
        #expect(try count(db, "audit_log") == before.2 + 1)
        #expect(try repo.get(other.id ?? 0)?.docType == .dni)
    }

    @Test func invalidCustomerIsRefusedWithFieldErrors() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = CustomerRepository(db: db, user: "ana")
        var bad = Self.acme()
        bad.docNumber = "20601234567" == ruc("2060123456") ? "20601234568" : "20601234567"
        bad.legalName = ""
        #expect(throws: CustomerRepositoryError.invalid([.docNumber: .invalidDocument(.checkDigitMismatch),
                                                         .legalName: .required])) {
            try repo.create(bad)
        }
        #expect(try count(db, "customer") == 0)
        #expect(try count(db, "audit_log") == 0)
    }

    @Test func staleUpdateIsRefused() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = CustomerRepository(db: db, user: "ana", now: SteppingClock().now)
        let created = try repo.create(Self.acme())
        var mine = created, theirs = created
        theirs.phone = "01 0000000"
        try repo.update(theirs)
        mine.notes = "cambio mío"
        #expect(throws: CustomerRepositoryError.modifiedElsewhere(created.id ?? 0)) { try repo.update(mine) }
        mine.updatedAt = nil
        #expect(try repo.update(mine).notes == "cambio mío")
    }

    @Test func searchIsAccentInsensitiveWithPrefixes() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = CustomerRepository(db: db, user: "ana")
        try repo.create(Customer(docType: .dni, docNumber: "45678912", legalName: "José Núñez Ávila", district: "San Isidro"))
        try repo.create(Customer(docType: .ruc, docNumber: ruc("2011111111"), legalName: "ACME Servicios Lima S.A.", district: "Cercado de Lima"))
        try repo.create(Customer(docType: .ruc, docNumber: ruc("2022222222"), legalName: "ACME Arequipa E.I.R.L.", district: "Yanahuara"))
        try repo.create(Customer(docType: .ruc, docNumber: ruc("2033333333"), legalName: "Librería Limón", tradeName: "Acmé Libros", district: "Lince"))
        func names(_ search: String) throws -> [String] {
            try repo.pager(CustomerQuery(search: search)).first(50).map(\.item.legalName)
        }
        #expect(try names("nunez") == ["José Núñez Ávila"])
        #expect(try names("NÚÑEZ avi") == ["José Núñez Ávila"])
        #expect(try names("acme lim") == ["ACME Servicios Lima S.A.", "Librería Limón"])
        #expect(try names("acme") == ["ACME Arequipa E.I.R.L.", "ACME Servicios Lima S.A.", "Librería Limón"])
        #expect(try names("libreria") == ["Librería Limón"])
        #expect(try names(String(ruc("2022222222").prefix(6))) == ["ACME Arequipa E.I.R.L."])
        #expect(try names("zzz").isEmpty)
        #expect(try names("").count == 4)
        #expect(try repo.pager(CustomerQuery(search: "acme")).count() == 3)
        // FTS syntax typed by a user is taken as text, never as a query.
        for hostile in ["\"", "acme\"", "acme*", "NEAR(acme lima)", "-acme", "legal_name:acme", "acme OR x", "(", "^acme", "a AND", "*"] {
            #expect(throws: Never.self) { _ = try names(hostile) }
        }
        #expect(try names("legal_name:acme") .isEmpty)
        #expect(try names("acme\"").count == 3)
    }

    @Test func archivedAreHiddenUnlessAsked() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = CustomerRepository(db: db, user: "ana")
        let a = try repo.create(Customer(docType: .dni, docNumber: "11111111", legalName: "Archivado Pérez"))
        try repo.create(Customer(docType: .dni, docNumber: "22222222", legalName: "Activo Pérez"))
        try repo.archive(a.id ?? 0)
        for sort in CustomerSort.allCases {
            #expect(try repo.pager(CustomerQuery(sort: sort)).first(10).map(\.item.legalName) == ["Activo Pérez"])
            #expect(try repo.pager(CustomerQuery(sort: sort, includeArchived: true)).count() == 2)
        }
        #expect(try repo.pager(CustomerQuery(search: "perez")).count() == 1)
        #expect(try repo.pager(CustomerQuery(search: "perez", includeArchived: true)).count() == 2)
        #expect(try repo.get(a.id ?? 0)?.archived == true)
    }

    @Test func twoConnectionsWritingAtOnceDoNotFail() throws {
        let folder = TempFolder()
        _ = try makeDatabase(folder)
        let perWriter = 150
        let path = folder.file()
        let errors = ErrorList()
        let group = DispatchGroup()
        for writer in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let db = try Database(path: path)
                    let repo = CustomerRepository(db: db, user: "w\(writer)")
                    for i in 0..<perWriter {
                        let dni = String(format: "%d%07d", writer + 1, i)
                        try repo.create(Customer(docType: .dni, docNumber: dni, legalName: "Cliente \(writer)-\(i)"))
                    }
                } catch {
                    errors.append("\(error)")
                }
            }
        }
        group.wait()
        #expect(errors.all.isEmpty)
        let db = try Database(path: folder.file())
        #expect(try count(db, "customer") == Int64(2 * perWriter))
        #expect(try count(db, "audit_log") == Int64(2 * perWriter))
    }
}
