/// A three-way merge of a form draft with the record as it is now: `base` is the record the draft
/// started from, `draft` what the user typed, `current` the record as another user saved it since.
/// A field only the user changed takes the draft's value; a field only the other user changed keeps
/// theirs; a field both changed differently is a conflict the user decides field by field.
public struct DraftMerge: Sendable, Equatable {
    /// The values to show: `current` with the user's own changes on top (conflicts keep `current`).
    public var merged: [String: String]
    /// Fields the other user changed since the draft started, in `order`.
    public var changedSince: [String]
    /// Fields both changed to different values, in `order`.
    public var conflicts: [String]

    /// - Parameter order: the form's field ids, so lists follow the form.
    public init(base: [String: String], draft: [String: String], current: [String: String], order: [String]) {
        var merged = current
        var changed: [String] = [], conflicts: [String] = []
        for id in order {
            let was = base[id] ?? "", now = current[id] ?? ""
            let mine = draft[id] ?? was
            let theyChanged = was != now, iChanged = mine != was
            if theyChanged { changed.append(id) }
            if iChanged && !theyChanged { merged[id] = mine }
            if iChanged && theyChanged && mine != now { conflicts.append(id) }
        }
        self.merged = merged
        changedSince = changed
        self.conflicts = conflicts
    }
}
