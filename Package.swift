// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "BytekCore",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bytek", targets: ["bytek"]),
    ],
    targets: [
        // C libraries from Debian, through system-library targets (see PLATFORM-NOTES.md).
        .systemLibrary(name: "CNcurses"),
        .systemLibrary(name: "CSQLite"),

        // Pure domain: values and rules, no I/O.
        .target(name: "BytekModel"),
        // SQLite store: connection, migrations, repositories, audit log, job queue, backup.
        .target(name: "BytekStore", dependencies: ["BytekModel", "CSQLite"]),
        // Generic background worker: claims jobs with a lease, runs handlers, schedules.
        .target(name: "BytekWorker", dependencies: ["BytekModel", "BytekStore"]),
        // The terminal application: runtime, widgets, screens.
        .target(name: "BytekTUI", dependencies: ["BytekModel", "BytekStore", "CNcurses"]),
        // Realistic Peruvian demo data and the large data sets of the benchmark.
        .target(name: "BytekDemo", dependencies: ["BytekModel", "BytekStore"]),
        // The `bytek` command.
        .executableTarget(name: "bytek", dependencies: ["BytekModel", "BytekStore", "BytekWorker", "BytekTUI", "BytekDemo"]),

        .testTarget(name: "BytekModelTests", dependencies: ["BytekModel"]),
        .testTarget(name: "BytekStoreTests", dependencies: ["BytekModel", "BytekStore"]),
        .testTarget(name: "BytekWorkerTests", dependencies: ["BytekModel", "BytekStore", "BytekWorker"]),
        // Runs the built `bytek` binary: CLI behaviour, CSV import/export, worker crash recovery, backups.
        .testTarget(name: "BytekCLITests", dependencies: ["BytekModel", "BytekStore"]),
        .testTarget(
            name: "BytekTUITests", dependencies: ["BytekModel", "BytekStore", "BytekTUI"],
            resources: [.copy("Golden")]),
    ],
    swiftLanguageModes: [.v6]
)
