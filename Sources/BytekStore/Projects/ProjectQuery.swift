import BytekModel

/// Filters of the project list; nil means "any". Archived projects are hidden unless asked for.
public struct ProjectQuery: Sendable, Hashable {
    public var status: ProjectStatus?
    public var unit: BusinessUnit?
    public var customerId: Int64?
    public var manager: String?
    /// Words looked for in the code, name and customer (case-insensitive).
    public var text: String
    public var includeArchived: Bool

    public init(status: ProjectStatus? = nil, unit: BusinessUnit? = nil, customerId: Int64? = nil, manager: String? = nil,
                text: String = "", includeArchived: Bool = false) {
        self.status = status; self.unit = unit; self.customerId = customerId; self.manager = manager; self.text = text
        self.includeArchived = includeArchived
    }
}
