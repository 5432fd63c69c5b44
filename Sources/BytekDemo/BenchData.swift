import BytekModel
import BytekStore
import Foundation

/// The large data set of `bytek bench`: many customers (realistic, with valid documents) and a
/// long audit log, inserted in bulk with prepared statements in a few transactions.
public enum BenchData {
    public static func fill(store: Store, customers: Int, auditEntries: Int) throws {
        let db = store.db
        let now = ISOTimestamp.format(Date())
        var rng = DemoRandom(seed: 77)
        let people = DemoCustomers.make(count: min(customers, 5000), seed: 99)
        let batch = 20_000
        var inserted = 0
        var usedNumbers = Set<Int>()
        while inserted < customers {
            try db.write {
                for i in inserted..<min(customers, inserted + batch) {
                    var c = people[i % people.count]
                    // A unique, valid document per row: RUC 20 + 8 random digits, spread like real ones.
                    var n = rng.int(0...99_999_999)
                    while !usedNumbers.insert(n).inserted { n = rng.int(0...99_999_999) }
                    let ten = "20" + String(format: "%08d", n)
                    c.docType = .ruc
                    c.docNumber = RUC.complete(ten) ?? ten + "0"
                    if i >= people.count { c.legalName += " " + String(i / people.count) }
                    try db.execute(
                        """
                        INSERT INTO customer(doc_type, doc_number, legal_name, trade_name, address, department, province,
                            district, email, phone, units, credit_days, credit_limit_cents, credit_currency, notes, archived,
                            created_at, updated_at)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?)
                        """,
                        [.text(c.docType.rawValue), .text(c.docNumber), .text(c.legalName), .text(c.tradeName),
                         .text(c.address), .text(c.department), .text(c.province), .text(c.district), .text(c.email),
                         .text(c.phone), .text(BusinessUnit.encode(c.units)), .int(Int64(c.creditDays)),
                         .int(c.creditLimit.minorUnits), .text(c.creditLimit.currency.rawValue), .text(""), .text(now), .text(now)])
                }
            }
            inserted = min(customers, inserted + batch)
        }
        let users = DemoSeeder.users.map(\.login)
        let actions = ["create", "update", "update", "update", "archive", "import"]
        var written = 0
        let start = Date().addingTimeInterval(-Double(auditEntries) * 30)
        while written < auditEntries {
            try db.write {
                for i in written..<min(auditEntries, written + 50_000) {
                    let at = ISOTimestamp.format(start.addingTimeInterval(Double(i) * 30))
                    let id = Int64(rng.int(1...max(1, customers)))
                    try db.execute(
                        "INSERT INTO audit_log(at, user_login, entity, entity_id, action, summary, before_json, after_json) VALUES (?,?,?,?,?,?,?,?)",
                        [.text(at), .text(rng.pick(users)), .text("customer"), .int(id), .text(rng.pick(actions)),
                         .text("RUC cliente #\(id)"), .text("{\"creditDays\":30}"), .text("{\"creditDays\":45}")])
                }
            }
            written = min(auditEntries, written + 50_000)
        }
        for u in DemoSeeder.users where try UserRepository(db: db, user: "admin").find(u.login) == nil {
            _ = try UserRepository(db: db, user: "admin").add(u)
        }
    }
}
