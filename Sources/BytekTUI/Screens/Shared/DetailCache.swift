/// The record shown in a detail pane, read once per selected id (not once per frame).
struct DetailCache<Value> {
    private var entry: (id: Int64, value: Value?)?

    /// The value for `id`, loading it only when the selection changed.
    mutating func value(for id: Int64?, load: (Int64) -> Value?) -> Value? {
        guard let id else { return nil }
        if entry?.id != id { entry = (id, load(id)) }
        return entry?.value
    }

    /// Forgets the cached value (after a write or a reload).
    mutating func invalidate() { entry = nil }
}
