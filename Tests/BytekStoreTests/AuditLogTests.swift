import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Audit log")
struct AuditLogTests {
    struct Thing: Codable, Equatable { var b: Int; var a: String; var when: Date }

    @Test func appendEncodesSortedJSON() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let log = AuditLog(db: db, user: "ana", now: { Date(timeIntervalSince1970: 1_700_000_000) })
        let id = try log.append(entity: "thing", entityId: 7, action: .update, summary: "cambio",
                                before: Thing(b: 1, a: "x/y", when: Date(timeIntervalSince1970: 0)),
                                after: Thing(b: 2, a: "z", when: Date(timeIntervalSince1970: 0)))
        let entry = try #require(try log.entry(id))
        #expect(entry.before == #"{"a":"x/y","b":1,"when":"1970-01-01T00:00:00Z"}"#)
        #expect(entry.after == #"{"a":"z","b":2,"when":"1970-01-01T00:00:00Z"}"#)
        #expect(entry.user == "ana")
        #expect(entry.entityId == 7)
        #expect(entry.at == Date(timeIntervalSince1970: 1_700_000_000))
        let bare = try log.append(entity: "session", entityId: nil, action: .login, summary: "")
        #expect(try log.entry(bare)?.before == nil)
        #expect(try log.entry(bare)?.entityId == nil)
    }

    @Test func aWriteThatFailsLeavesNoAuditEntry() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let log = AuditLog(db: db, user: "ana")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.write {
                try log.append(entity: "x", entityId: 1, action: .create, summary: "")
                throw Boom()
            }
        }
        #expect(try count(db, "audit_log") == 0)
    }

    @Test func filtersAndPaging() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let clock = SteppingClock(start: Date(timeIntervalSince1970: 1_700_000_000), step: 3600)
        let users = ["ana", "luis", "maría"]
        for i in 0..<120 {
            let log = AuditLog(db: db, user: users[i % 3], now: clock.now)
            try log.append(entity: i % 2 == 0 ? AuditEntity.customer : AuditEntity.catalogItem, entityId: Int64(i),
                           action: i % 5 == 0 ? .archive : .update,
                           summary: i % 10 == 0 ? "Cliente Núñez \(i)" : "Item \(i)")
        }
        let log = AuditLog(db: db, user: "x")
        let all = try log.pager().first(1000)
        #expect(all.count == 120)
        #expect(all.map(\.item.id) == all.map(\.item.id).sorted(by: >))

        func ids(_ f: AuditFilter) throws -> [Int64] {
            let pager = log.pager(f)
            var rows = try pager.first(7)
            var next = rows
            while let last = next.last, next.count == 7 { next = try pager.after(last.cursor, 7); rows += next }
            #expect(try pager.count() == rows.count)
            var back = try pager.last(5)
            var prev = back
            while let first = prev.first, prev.count == 5 { prev = try pager.before(first.cursor, 5); back = prev + back }
            #expect(back.map(\.item.id) == rows.map(\.item.id))
            return rows.map { $0.item.entityId ?? -1 }
        }
        let expectAll = (0..<120).reversed().map(Int64.init)
        #expect(try ids(AuditFilter()) == expectAll)
        #expect(try ids(AuditFilter(user: "luis")) == expectAll.filter { $0 % 3 == 1 })
        #expect(try ids(AuditFilter(entity: AuditEntity.catalogItem)) == expectAll.filter { $0 % 2 == 1 })
        #expect(try ids(AuditFilter(action: .archive)) == expectAll.filter { $0 % 5 == 0 })
        #expect(try ids(AuditFilter(entity: AuditEntity.customer, user: "ana", action: .archive))
                == expectAll.filter { $0 % 2 == 0 && $0 % 3 == 0 && $0 % 5 == 0 })
        let from = Date(timeIntervalSince1970: 1_700_000_000 + 10 * 3600)
        let to = Date(timeIntervalSince1970: 1_700_000_000 + 20 * 3600)
        #expect(try ids(AuditFilter(from: from, to: to)) == (10..<20).reversed().map(Int64.init))
        #expect(try ids(AuditFilter(text: "nunez")) == expectAll.filter { $0 % 10 == 0 })
        #expect(try ids(AuditFilter(text: "NÚÑEZ 11")) == [110])
        // Words are matched literally: no LIKE wildcards.
        #expect(try ids(AuditFilter(text: "100%_")) == [100])
        #expect(try ids(AuditFilter(text: "%")) == expectAll)
        #expect(try ids(AuditFilter(entity: AuditEntity.customer, entityId: 4)) == [4])
        #expect(try ids(AuditFilter(user: "nadie")).isEmpty)
    }
}
