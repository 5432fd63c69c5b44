/// The audit summary of an imported file.
enum ImportSummary {
    static func text(created: Int, updated: Int, noun: String, source: String) -> String {
        updated == 0 ? "\(created) \(noun) importados desde \(source)"
            : "\(created) \(noun) importados y \(updated) actualizados desde \(source)"
    }
}
