import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

@MainActor
@Suite struct AppFrameScreenTests {
    @Test func numberKeysPickGroupsAndBracketsMoveAmongTheirModules() throws {
        let h = try ScreenHarness()
        #expect(h.app.groups.map(\.group) == [.commercial, .finance, .operations, .administration])
        #expect(h.app.current == .customers)
        h.keys(.char("]"))
        #expect(h.app.current == .sales)
        h.keys(.char("]"), .char("]"))
        #expect(h.app.current == .catalog)
        h.keys(.char("]"))
        #expect(h.app.current == .customers, "] wraps around the group")
        h.keys(.char("["))
        #expect(h.app.current == .catalog)
        h.keys(.char("2"))
        #expect(h.app.current == .billing)
        h.keys(.char("]"))
        #expect(h.app.current == .receivables)
        h.keys(.char("]"))
        #expect(h.app.current == .recurring)
        h.keys(.char("]"))
        #expect(h.app.current == .salesRegister)
        h.keys(.char("]"))
        #expect(h.app.current == .exchangeRates)
        h.keys(.char("]"))
        #expect(h.app.current == .billing, "] wraps around Finanzas")
        h.keys(.f(4))
        #expect(h.app.current == .projects)
        h.keys(.char("]"))
        #expect(h.app.current == .timesheets)
        #expect(h.screen.split(separator: "\n")[0].contains("3 Operaciones: Proyectos  Horas"), "\(h.screen)")
        h.keys(.f(5))
        #expect(h.app.current == .users)
        h.keys(.char("["))
        #expect(h.app.current == .jobs)
        #expect(h.screen.split(separator: "\n")[0].contains("4 Administración: Usuarios  Auditoría  Tareas"), "\(h.screen)")
        // Each group remembers its last module.
        h.keys(.char("1"))
        #expect(h.app.current == .catalog)
        h.keys(.char("4"))
        #expect(h.app.current == .jobs)
        h.keys(.char("3"))
        #expect(h.app.current == .timesheets)
        h.keys(.char("5"), .f(6))
        #expect(h.app.current == .timesheets, "no fifth group for an admin")
    }

    @Test func clicksOnAGroupAndOnATabSwitch() throws {
        let h = try ScreenHarness()
        h.app.draw()
        func click(_ text: String) throws {
            let line = h.app.lastFrame.lines[0]
            let x = try #require(line.range(of: text), "\(text) in \(line)").lowerBound.utf16Offset(in: line)
            h.send([.mouse(MouseEvent(x: x, y: 0, button: .left))])
        }
        try click("Cotizaciones")
        #expect(h.app.current == .quotes)
        try click("Administración")
        #expect(h.app.current == .users)
        try click("Tareas")
        #expect(h.app.current == .jobs)
        try click("Comercial")
        #expect(h.app.current == .quotes, "the group's last module")
    }

    @Test func topBarFitsAt80Columns() throws {
        let h = try ScreenHarness(width: 80, height: 24)
        h.app.draw()
        #expect(h.screen.split(separator: "\n")[0].hasPrefix(" 1 Comercial: Clientes  Ventas  Cotizaciones  Catálogo  2 Fin  3 Ope  4 Adm"))
        h.go(.jobs)
        #expect(h.screen.split(separator: "\n")[0].contains(" 1 Com  2 Fin  3 Ope  4 Administración: Usuarios  Auditoría  Tareas"))
    }

    @Test func thePaletteGoesToAnyModule() throws {
        let h = try ScreenHarness()
        h.keys(.char(":"))
        h.type("ir a factu")
        h.keys(.enter)
        #expect(h.app.current == .billing)
        h.keys(.char(":"))
        h.type("ir a usuarios")
        h.keys(.enter)
        #expect(h.app.current == .users)
    }

    @Test func modulesHiddenByRole() throws {
        let h = try ScreenHarness(role: .almacen, login: "almacen")
        h.app.draw()
        #expect(h.screen.contains("Clientes"))
        #expect(!h.screen.contains("Auditoría"))
        #expect(!h.screen.contains("Tareas"))
        #expect(!h.screen.contains("Administración") && !h.screen.contains("Finanzas"))
        #expect(h.app.groups.map(\.group) == [.commercial])
        #expect(h.app.groups[0].modules == [.customers, .catalog])
        h.keys(.char("3"))
        #expect(h.app.current == .customers)
    }

    @Test func helpListsTheScreensBindings() throws {
        let h = try ScreenHarness()
        h.keys(.char("?"))
        #expect(h.screen.contains("Ayuda — teclas de Clientes"))
        #expect(h.screen.contains("Nuevo cliente"))
        #expect(h.screen.contains("Teclas globales"))
        assertGolden(h.app.lastFrame, "help-customers-120x40")
        h.keys(.escape)
        #expect(!h.screen.contains("Teclas globales"))
    }

    @Test func paletteFindsActionsAndRecords() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        h.keys(.char(":"))
        h.type("nuevo cli")
        #expect(h.screen.contains("Nuevo cliente"))
        h.keys(.enter)
        #expect(h.screen.contains("Identificación"))
        h.keys(.escape)
        h.keys(.ctrl("p"))
        h.type("cliente titicaca")
        #expect(h.screen.contains("Cliente: Inversiones Titicaca E.I.R.L."))
        h.keys(.enter)
        #expect(h.screen.contains("Editar cliente: Inversiones Titicaca E.I.R.L."))
    }

    @Test func quitAsksWithCtrlQAndQuitsWithQ() throws {
        let h = try ScreenHarness()
        h.keys(.ctrl("q"))
        #expect(h.screen.contains("¿Salir de BYTEK Core?"))
        h.keys(.char("n"))
        #expect(h.app.running)
        h.keys(.char("q"))
        #expect(!h.app.running)
    }

    @Test func auditScreenShowsChangesAndFilters() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        var c = try #require(try h.customers.find(docType: .ruc, docNumber: "20100047218"))
        c.creditDays = 45
        _ = try h.customers.update(c)
        h.go(.audit)
        #expect(h.screen.contains("5 filas"))
        #expect(h.screen.contains("Modificación"))
        #expect(h.screen.contains("creditDays: 30 → 45"))
        h.keys(.char("a"))  // action: create
        #expect(h.screen.contains("4 filas"))
        h.keys(.char("x"))
        h.keys(.char("/"))
        h.type("andina")
        #expect(h.screen.contains("2 filas"))
    }

    @Test func jobsScreenShowsQueueAndSchedules() throws {
        let h = try ScreenHarness()
        let queue = JobQueue(db: h.store.db, clock: { 1_795_000_000_000 })
        _ = try queue.enqueue(kind: "backup.nightly", payload: "{}", runAt: 1_795_000_000_000)
        _ = try ScheduleStore(db: h.store.db, clock: { 1_795_000_000_000 }).ensure(name: "respaldo-nocturno", kind: "backup.nightly", rule: "daily 02:00")
        h.go(.jobs)
        #expect(h.screen.contains("respaldo-nocturno"))
        #expect(h.screen.contains("backup.nightly"))
        #expect(h.screen.contains("pendiente"))
    }
}

@Suite struct CatalogOfStringsTests {
    @Test func everyKeyHasBothLanguagesAndNoDuplicates() {
        #expect(StringCatalog.duplicateKeys.isEmpty)
        for (key, pair) in StringCatalog.all {
            #expect(!pair.es.isEmpty, "\(key) sin español")
            #expect(!pair.en.isEmpty, "\(key) without English")
        }
    }

    @Test func englishIsSelectedByEnvironment() {
        #expect(Strings(environment: ["BYTEK_LANG": "en"])["module.customers"] == "Customers")
        #expect(Strings(environment: [:])["module.customers"] == "Clientes")
    }
}

@Suite struct ThemeFileTests {
    static let themesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../themes").standardized

    @Test(arguments: ["default", "high-contrast", "monochrome"])
    func themeFileParsesAndEqualsTheBuiltIn(name: String) throws {
        let text = try String(contentsOf: ThemeFileTests.themesDir.appendingPathComponent(name + ".theme"), encoding: .utf8)
        let theme = try Theme.parse(text, name: name)
        for role in StyleRole.allCases { #expect(theme.entries[role] != nil, "\(name): falta \(role)") }
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines)
                == BuiltinThemes.named[name]?.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func monochromeShowsFocusWithoutColour() throws {
        let theme = try ThemeLoader.load(name: "monochrome", environment: ["BYTEK_THEMES_DIR": ThemeFileTests.themesDir.path])
        #expect(theme.monochrome)
        #expect(theme.entry(.selected).reverse)
        #expect(theme.entry(.danger).bold)
    }

    @Test func noColorDropsColoursButKeepsAttributes() throws {
        let theme = try ThemeLoader.load(name: "default", environment: ["NO_COLOR": "1", "BYTEK_THEMES_DIR": ThemeFileTests.themesDir.path])
        #expect(theme.monochrome)
        #expect(theme.entry(.selected).fg == .terminalDefault)
        #expect(theme.entry(.title).bold)
    }

    /// Colour alone marked the selection, the active field and the status bar: without colour they
    /// take the monochrome theme's reverse video, in every theme.
    @Test(arguments: ["default", "high-contrast", "monochrome"])
    func noColorKeepsTheSelectionVisible(name: String) throws {
        let theme = try ThemeLoader.load(name: name, environment: ["NO_COLOR": "1", "BYTEK_THEMES_DIR": ThemeFileTests.themesDir.path])
        for role in [StyleRole.selected, .cardSelected, .inputFocused, .status, .tab, .overlayTitle, .danger] {
            #expect(theme.entry(role).reverse, "\(name): \(role) sin vídeo inverso")
            #expect(theme.entry(role).fg == .terminalDefault && theme.entry(role).bg == .terminalDefault)
        }
        #expect(theme.entry(.normal).reverse == false)
    }

    @Test func colours256FoldToEightOnSmallTerminals() {
        #expect(ThemeColor.index(9).resolved(colors: 8) == 1)
        #expect(ThemeColor.index(196).resolved(colors: 8) == 1)
        #expect(ThemeColor.index(196).resolved(colors: 256) == 196)
    }

    @Test func badLineIsReported() {
        #expect(throws: Theme.ParseError.badLine(2, "selectd = red")) { try Theme.parse("normal = default\nselectd = red", name: "x") }
    }
}

@MainActor
@Suite struct ThemeAndSortingScreenTests {
    @Test func paletteSwitchesTheThemeAndRemembersIt() throws {
        let h = try ScreenHarness()
        h.app.environment = ["BYTEK_THEMES_DIR": ThemeFileTests.themesDir.path]
        h.keys(.char(":"))
        h.type("tema mono")
        h.keys(.enter)
        #expect(h.terminal.theme?.monochrome == true)
        #expect(h.screen.contains("Tema cambiado a monocromo"))
        #expect(try SettingsRepository(db: h.store.db).value("theme.admin") == "monochrome")
    }

    @Test func clickingAHeaderSortsAndClickingAgainReverses() throws {
        let h = try ScreenHarness(width: 100, height: 30)
        try h.addCustomers(ScreenHarness.sampleCustomers)
        h.app.draw()
        let header = h.app.lastFrame.lines[2]
        let x = try #require(header.range(of: "Distrito")).lowerBound.utf16Offset(in: header)
        h.send([.mouse(MouseEvent(x: x, y: 2, button: .left))])
        #expect(h.app.lastFrame.lines[2].contains("Distrito ▲"))
        #expect(h.app.lastFrame.lines[3].contains("Lince"))
        h.send([.mouse(MouseEvent(x: x, y: 2, button: .left))])
        #expect(h.app.lastFrame.lines[2].contains("Distrito ▼"))
        #expect(h.app.lastFrame.lines[3].contains("Yanahuara"))
    }
}
