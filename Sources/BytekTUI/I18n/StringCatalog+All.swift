extension StringCatalog {
    /// Every table of texts, merged: the frame's and widgets' (`entries`) and one per module.
    static let all: [String: (es: String, en: String)] = {
        var merged = entries
        for table in [customers, catalog, forms, audit, jobs, sales, quotes, billing, users, rates, imports,
                      messages,
                      recurring, salesRegister, receivables, periods, bankStatements,
                      cards, reminders,
                      projectForm,
                      gate, milestones, profitability, projects, timesheets] {
            merged.merge(table) { first, _ in first }
        }
        return merged
    }()

    /// The number of keys defined more than once across tables (a test keeps it at zero).
    static var duplicateKeys: [String] {
        var seen = Set(entries.keys)
        var dups: [String] = []
        for table in [customers, catalog, forms, audit, jobs, sales, quotes, billing, users, rates, imports,
                      messages,
                      recurring, salesRegister, receivables, periods, bankStatements,
                      cards, reminders,
                      projectForm,
                      gate, milestones, profitability, projects, timesheets] {
            for k in table.keys { if !seen.insert(k).inserted { dups.append(k) } }
        }
        return dups
    }
}
