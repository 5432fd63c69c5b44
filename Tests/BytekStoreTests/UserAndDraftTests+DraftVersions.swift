import Foundation
import Testing
@testable import BytekStore

/// Section 3: a draft keeps the version it was typed over, so restoring it merges instead of overwriting.
extension UserAndDraftTests {
    @Test func theDraftBaseIsKeptAndOlderOrDamagedDraftsAreToldApart() throws {
        let temp = TempFolder()
        let drafts = DraftRepository(db: try makeDatabase(temp))
        let db = drafts.db
        try drafts.save(user: "ana", form: "customer", recordKey: "7", fields: ["email": "a@x.pe"], base: ["email": ""])
        let loaded = try #require(try drafts.load(user: "ana", form: "customer", recordKey: "7"))
        #expect(loaded.fields == ["email": "a@x.pe"] && loaded.base == ["email": ""])
        // A draft written by the previous program (a bare object) still loads, without a base.
        try db.execute("UPDATE form_draft SET fields_json = '{\"email\":\"viejo@x.pe\"}'")
        let legacy = try #require(try drafts.load(user: "ana", form: "customer", recordKey: "7"))
        #expect(legacy.fields == ["email": "viejo@x.pe"] && legacy.base == nil)
        // Damaged JSON is reported, not silently ignored forever.
        try db.execute("UPDATE form_draft SET fields_json = '{\"email\": 3'")
        #expect(throws: UnreadableDraft(form: "customer", recordKey: "7")) {
            try drafts.load(user: "ana", form: "customer", recordKey: "7")
        }
    }

    @Test func draftMergeKeepsTheirChangesTakesMineAndListsConflicts() {
        let order = ["name", "email", "phone", "notes"]
        let base = ["name": "Andina", "email": "", "phone": "01", "notes": ""]
        let draft = ["name": "Andina", "email": "ana@x.pe", "phone": "02", "notes": "igual"]
        let current = ["name": "Andina SAC", "email": "beto@x.pe", "phone": "01", "notes": "igual"]
        let m = DraftMerge(base: base, draft: draft, current: current, order: order)
        #expect(m.changedSince == ["name", "email", "notes"])
        #expect(m.conflicts == ["email"], "notes: both typed the same thing")
        #expect(m.merged == ["name": "Andina SAC", "email": "beto@x.pe", "phone": "02", "notes": "igual"])
    }
}
