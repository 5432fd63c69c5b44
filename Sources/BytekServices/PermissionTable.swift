import BytekModel

/// The permission matrix as the README prints it (`bytek permissions`): one row per operation, one
/// column per role, then a customer's contact (own customer's rows only) and the worker.
public enum PermissionTable {
    /// The column headers after the operation's name.
    public static let columns: [String] = Role.allCases.map(\.displayName) + ["contacto", "worker"]

    /// Whether each column may do `operation`, in `columns` order.
    public static func row(_ operation: Operation) -> [Bool] {
        Role.allCases.map { operation.allows($0) } + [operation.contacts, operation.worker]
    }

    /// A Markdown table: ✓ where allowed, · where refused.
    public static func markdown(_ operations: [Operation] = Operation.all) -> String {
        var lines = ["| operación | " + columns.joined(separator: " | ") + " |",
                     "|---|" + String(repeating: ":-:|", count: columns.count)]
        for op in operations {
            lines.append("| `\(op.name)` | " + row(op).map { $0 ? "✓" : "·" }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
