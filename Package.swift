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
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(name: "CXMLSec", pkgConfig: "xmlsec1-openssl", providers: [.apt(["libxml2-dev", "libxmlsec1-dev"])]),
        .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // XML-DSig signing in C over xmlsec: its public header has no libxml2 includes, so Swift files
        // that import Foundation never meet libxml2's ICU types (PLATFORM-NOTES.md §3).
        .target(name: "CSunatSign", dependencies: ["CXMLSec"]),
        // SUNAT's validation stylesheets in-process: libxslt + libexslt, PCRE2 behind regexp:match. Same
        // pattern: the public header has no libxml2 includes.
        .systemLibrary(name: "CXSLT", pkgConfig: "libexslt", providers: [.apt(["libxslt1-dev", "libpcre2-dev"])]),
        .target(name: "CSunatRules", dependencies: ["CXSLT"], linkerSettings: [.linkedLibrary("pcre2-8")]),

        // Pure domain: values and rules, no I/O (libcrypto only for SHA-256).
        .target(name: "BytekModel", dependencies: ["COpenSSL"]),
        // SQLite store: connection, migrations, repositories, audit log, job queue, backup archives (libzip), secrets.
        .target(name: "BytekStore", dependencies: ["BytekModel", "CSQLite", "CZip"]),
        // Generic background worker: claims jobs with a lease, runs handlers, schedules.
        .target(name: "BytekWorker", dependencies: ["BytekModel", "BytekStore"]),
        // The operations layer: every business action, for an Actor (who, by which door, with which role),
        // checked for permission and scope, written with its audit entry. Every front calls it.
        .target(name: "BytekServices", dependencies: ["BytekModel", "BytekStore", "BytekWorker", "BytekSUNAT", "BytekDocuments", "BytekGateways"]),
        // Outside services we call: card gateways (Izipay, Niubiz) and WhatsApp's Cloud API. Protocol only:
        // HTTP, their fields, signatures; no database.
        .target(name: "BytekGateways", dependencies: ["BytekModel", "CSodium"]),
        // The terminal application: runtime, widgets, screens.
        .target(name: "BytekTUI", dependencies: ["BytekModel", "BytekStore", "BytekServices", "BytekDocuments", "BytekSUNAT", "BytekWeb", "CNcurses"]),
        // PDF documents (quotes, contracts, printed invoices) drawn with cairo + pango.
        .target(name: "BytekDocuments", dependencies: ["BytekModel", "CPangoCairo", "CQREncode"]),
        // SUNAT e-invoicing: UBL 2.1 writer, signer, ZIP packager, SOAP client, CDR reader.
        .target(name: "BytekSUNAT", dependencies: ["BytekModel", "BytekStore", "BytekWorker", "CSunatSign", "CSunatRules", "CZip"]),
        // Realistic Peruvian demo data and the large data sets of the benchmark.
        .target(name: "BytekDemo", dependencies: ["BytekModel", "BytekStore", "BytekSUNAT", "BytekServices"]),
        // The web door (`bytek serve`): HTTP over libmicrohttpd, portal accounts (Argon2id via libsodium),
        // sessions, CSRF, server-rendered pages and signed hooks.
        .target(name: "BytekWeb", dependencies: ["BytekModel", "BytekStore", "BytekServices", "BytekWorker", "BytekGateways", "CMicroHTTPD", "CSodium", "CCurl"]),
        // The `bytek` command.
        .executableTarget(
            name: "bytek",
            dependencies: ["BytekModel", "BytekStore", "BytekServices", "BytekWorker", "BytekTUI", "BytekDemo", "BytekDocuments", "BytekSUNAT", "BytekWeb", "BytekGateways"]),

        .testTarget(name: "BytekModelTests", dependencies: ["BytekModel"]),
        .testTarget(name: "BytekStoreTests", dependencies: ["BytekModel", "BytekStore"]),
        .testTarget(name: "BytekDocumentsTests", dependencies: ["BytekModel", "BytekDocuments"]),
        .testTarget(name: "BytekSUNATTests", dependencies: ["BytekModel", "BytekStore", "BytekWorker", "BytekSUNAT"]),
        .testTarget(name: "BytekServicesTests", dependencies: ["BytekModel", "BytekStore", "BytekServices", "BytekSUNAT", "BytekDemo"]),
        .testTarget(name: "BytekWebTests", dependencies: ["BytekModel", "BytekStore", "BytekServices", "BytekWeb"]),
        .testTarget(name: "BytekGatewaysTests", dependencies: ["BytekModel", "BytekGateways"]),
        .testTarget(name: "BytekWorkerTests", dependencies: ["BytekModel", "BytekStore", "BytekWorker"]),
        // Runs the built `bytek` binary: CLI behaviour, CSV import/export, worker crash recovery, backups.
        .testTarget(name: "BytekCLITests", dependencies: ["BytekModel", "BytekStore"],
                    exclude: ["portal_browser.py"]),
        .testTarget(
            name: "BytekTUITests", dependencies: ["BytekModel", "BytekStore", "BytekSUNAT", "BytekServices", "BytekTUI", "BytekWeb"],
            resources: [.copy("Golden")]),
    ],
    swiftLanguageModes: [.v6]
)
