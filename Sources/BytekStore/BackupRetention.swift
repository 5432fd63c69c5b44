/// Which nightly backups to keep: the newest copy of each of the last `daily` days that have a copy,
/// and the newest copy of each of the last `weekly` weeks (Monday to Sunday) that have one.
/// Names that are not `bytek-YYYYMMDD-HHMMSS.zip` (or `.sqlite`) are never chosen for deletion.
public enum BackupRetention {
    public static let defaultDaily = 7
    public static let defaultWeekly = 4

    public static func filesToKeep(_ names: [String], daily: Int = defaultDaily, weekly: Int = defaultWeekly) -> Set<String> {
        let stamped = names.compactMap { name in BackupStamp(fileName: name).map { (name, $0) } }
            .sorted { $0.1 > $1.1 }
        var keep = Set<String>()
        var days = Set<Int64>()
        var weeks = Set<Int64>()
        for (name, stamp) in stamped {
            if days.count < daily, days.insert(stamp.dayNumber).inserted { keep.insert(name) }
            if weeks.count < weekly, weeks.insert(stamp.weekNumber).inserted { keep.insert(name) }
        }
        return keep
    }

    /// The nightly backups to delete, oldest first.
    public static func filesToDelete(_ names: [String], daily: Int = defaultDaily, weekly: Int = defaultWeekly) -> [String] {
        let keep = filesToKeep(names, daily: daily, weekly: weekly)
        return names.filter { BackupStamp(fileName: $0) != nil && !keep.contains($0) }.sorted()
    }
}
