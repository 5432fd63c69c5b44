import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Keyset pager")
struct KeysetPagerTests {
    /// 157 customers with many ties: 5 districts, names repeating in different case, and a clock
    /// that gives the same updated_at to runs of rows.
    static func seeded(_ folder: TempFolder) throws -> (Database, CustomerRepository) {
        let db = try makeDatabase(folder)
        let clock = SteppingClock(step: 0.0002)  // five writes share each millisecond... and more
        let repo = CustomerRepository(db: db, user: "t", now: clock.now)
        let districts = ["Miraflores", "san isidro", "San Isidro", "Surco", "Ate"]
        let names = ["Alfa", "alfa", "Beta", "ÑANDÚ", "Omega", "omega", "Zeta"]
        for i in 0..<157 {
            let doc = String(format: "%08d", (i * 7919) % 100_000_000)
            try repo.create(Customer(docType: .dni, docNumber: doc, legalName: names[i % names.count],
                                     district: districts[(i / 3) % districts.count]))
        }
        return (db, repo)
    }

    func walkForward<T>(_ pager: KeysetPager<T>, page: Int) throws -> [Paged<T>] {
        var all = try pager.first(page)
        var next = all
        while let last = next.last, next.count == page {
            next = try pager.after(last.cursor, page)
            all += next
        }
        return all
    }

    func walkBackward<T>(_ pager: KeysetPager<T>, page: Int) throws -> [Paged<T>] {
        var all = try pager.last(page)
        var prev = all
        while let first = prev.first, prev.count == page {
            prev = try pager.before(first.cursor, page)
            all = prev + all
        }
        return all
    }

    /// The order SQLite gives for a full sort, as the reference.
    func referenceIds(_ db: Database, _ query: CustomerQuery) throws -> [Int64] {
        let dir = query.ascending ? "ASC" : "DESC"
        let order = query.sort.keys.map { "\($0) \(dir)" }.joined(separator: ", ")
        let filter = query.includeArchived ? "" : "WHERE archived = 0"
        return try db.query("SELECT id FROM customer \(filter) ORDER BY \(order)").map { $0.int("id") }
    }

    @Test("walks every row once, forwards and backwards, under each sort")
    func walksAllRows() throws {
        let folder = TempFolder()
        let (db, repo) = try Self.seeded(folder)
        try repo.archive(5); try repo.archive(77)
        for sort in CustomerSort.allCases {
            for ascending in [true, false] {
                for includeArchived in [false, true] {
                    let query = CustomerQuery(sort: sort, ascending: ascending, includeArchived: includeArchived)
                    let pager = repo.pager(query)
                    let expected = try referenceIds(db, query)
                    #expect(expected.count == (includeArchived ? 157 : 155))
                    for page in [1, 7, 50, 200] {
                        let forward = try walkForward(pager, page: page).map { $0.item.id ?? -1 }
                        let backward = try walkBackward(pager, page: page).map { $0.item.id ?? -1 }
                        #expect(forward == expected, "\(sort) asc=\(ascending) page=\(page)")
                        #expect(backward == expected, "\(sort) asc=\(ascending) page=\(page) backwards")
                    }
                    #expect(try pager.count() == expected.count)
                    #expect(try pager.reversed().first(expected.count).map { $0.item.id ?? -1 } == expected.reversed())
                }
            }
        }
    }

    @Test("filtered lists page the same with few and with many matches")
    func searchPlans() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        var repo = CustomerRepository(db: db, user: "t", now: SteppingClock(step: 0.0004).now)
        repo.sortedSearchLimit = 300
        let total = 390
        for i in 0..<total {
            let c = try repo.create(Customer(docType: .dni, docNumber: String(format: "%08d", i),
                                             legalName: (i % 2 == 0 ? "Cliente Núñez " : "CLIENTE Pérez ") + String(i % 37),
                                             district: ["Lima", "Ate", "lima"][i % 3]))
            if i % 11 == 0 { try repo.archive(c.id ?? 0) }
        }
        var orders: Set<String> = []
        for search in ["cliente", "nunez", "perez 1", "clie nu 3", "0001", "00"] {
            let words = TextSearch.words(search)
            for sort in CustomerSort.allCases {
                for includeArchived in [false, true] {
                    let query = CustomerQuery(search: search, sort: sort, ascending: sort != .updated, includeArchived: includeArchived)
                    let listing = repo.listing(query)
                    orders.insert("\(listing.order)")
                    let reference: CustomerQuery
                    switch listing.order {
                    case .requested, .nameStartsWith: reference = CustomerQuery(sort: sort, ascending: query.ascending, includeArchived: includeArchived)
                    case .documentNumber: reference = CustomerQuery(sort: .document, ascending: true, includeArchived: includeArchived)
                    case .newestFirst: reference = CustomerQuery(sort: .updated, ascending: false, includeArchived: includeArchived)
                    }
                    // Ids grow with creation (and nothing was updated), so "newest first" is the id order.
                    var all = try referenceIds(db, reference)
                    if listing.order == .newestFirst { all.sort(by: >) }
                    let rows = try Dictionary(uniqueKeysWithValues: db.query("SELECT id, legal_name, doc_number FROM customer").map {
                        ($0.int("id"), (TextFold.fold($0.string("legal_name")), $0.string("doc_number")))
                    })
                    let expected = all.filter { id in
                        guard let row = rows[id] else { return false }
                        if words.count == 1, words[0].allSatisfy(\.isNumber) { return row.1.hasPrefix(words[0]) }
                        let tokens = row.0.split(separator: " ") + [Substring(row.1)]
                        return words.allSatisfy { w in tokens.contains { $0.hasPrefix(w) } }
                    }
                    let pager = listing.pager
                    #expect(try walkForward(pager, page: 9).map { $0.item.id ?? -1 } == expected, "\(search) \(sort)")
                    #expect(try walkBackward(pager, page: 9).map { $0.item.id ?? -1 } == expected, "\(search) \(sort) backwards")
                    #expect(try pager.count() == expected.count, "\(search) \(sort) count")
                }
            }
        }
        // Every plan was exercised: sorted matches, many words newest first, many digits by document.
        #expect(orders == ["requested", "newestFirst", "documentNumber"])
    }

    @Test func ties() throws {
        let folder = TempFolder()
        let (db, _) = try Self.seeded(folder)
        // The seed really has ties in every sort column.
        for column in ["legal_name COLLATE NOCASE", "district COLLATE NOCASE", "updated_at"] {
            let maxDup = try db.scalar("SELECT max(n) FROM (SELECT count(*) AS n FROM customer GROUP BY \(column))").intValue ?? 0
            #expect(maxDup > 1, "\(column)")
        }
    }

    @Test func cursorsAndCountBefore() throws {
        let folder = TempFolder()
        let (_, repo) = try Self.seeded(folder)
        let pager = repo.pager(CustomerQuery(sort: .district))
        let all = try pager.first(1000)
        let row = all[40]
        #expect(row.cursor.count == 3)
        #expect(row.cursor.last == .int(row.item.id ?? 0))
        #expect(try pager.countBefore(row.cursor) == 40)
        #expect(try pager.after(row.cursor, 3).map(\.item) == all[41...43].map(\.item))
        #expect(try pager.before(row.cursor, 3).map(\.item) == all[37...39].map(\.item))
        #expect(try pager.before(all[0].cursor, 3).isEmpty)
        #expect(try pager.after(all[all.count - 1].cursor, 3).isEmpty)
        #expect(throws: KeysetPagerError.cursorMismatch(expected: 3, found: 1)) { try pager.after([.int(1)], 3) }
        #expect(try pager.first(0).isEmpty)
    }

    @Test func mixedDirections() throws {
        let folder = TempFolder()
        let (db, _) = try Self.seeded(folder)
        let pager = KeysetPager(db: db, from: "customer", columns: ["id"],
                                order: [SortKey("district COLLATE NOCASE", ascending: false),
                                        SortKey("legal_name COLLATE NOCASE"), SortKey("id", ascending: false)])
        let expected = try db.query(
            "SELECT id FROM customer ORDER BY district COLLATE NOCASE DESC, legal_name COLLATE NOCASE ASC, id DESC")
            .map { $0.int("id") }
        for page in [1, 6, 1000] {
            #expect(try walkForward(pager, page: page).map { $0.item.int("id") } == expected)
            #expect(try walkBackward(pager, page: page).map { $0.item.int("id") } == expected)
        }
    }

    @Test("each page is one index seek, with no sorting of the table")
    func queryPlansSeek() throws {
        let folder = TempFolder()
        let (db, repo) = try Self.seeded(folder)
        for sort in CustomerSort.allCases {
            for includeArchived in [false, true] {
                let pager = repo.pager(CustomerQuery(sort: sort, includeArchived: includeArchived))
                let row = try #require(try pager.first(1).first)
                // Rebuild the SQL the pager runs by asking SQLite what it would do.
                let keys = sort.keys
                var conditions = includeArchived ? [] : [sort == .legalName ? "customer.archived = 0" : "+customer.archived = 0"]
                conditions.append("\(keys[0]) >= ? AND (\(keys.joined(separator: ", "))) > (\(keys.map { _ in "?" }.joined(separator: ", ")))")
                let sql = "EXPLAIN QUERY PLAN SELECT customer.id FROM customer WHERE " + conditions.joined(separator: " AND ")
                    + " ORDER BY " + keys.map { "\($0) ASC" }.joined(separator: ", ") + " LIMIT 10"
                let plan = try db.query(sql, [row.cursor[0]] + row.cursor).map { $0.string("detail") }.joined(separator: " | ")
                #expect(plan.contains("SEARCH"), "\(sort): \(plan)")
                #expect(!plan.contains("TEMP B-TREE"), "\(sort): \(plan)")
            }
        }
    }
}
