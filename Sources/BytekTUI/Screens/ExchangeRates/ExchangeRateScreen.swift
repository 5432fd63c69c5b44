import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Finanzas › Tipo de cambio: the rates by date (newest first) under a line with the rate documents
/// in dollars use today (or the earlier one and its day, or the sentence saying one must be entered).
/// `n` enters a day's rate (finanzas and admin; the service refuses anyone else).
@MainActor
final class ExchangeRateScreen: Screen {
    private let services: Services
    private let strings: Strings
    private let pane: ListPane
    private(set) var todayLine = ""
    private(set) var todayIsError = false

    init(services: Services, strings: Strings) {
        self.services = services
        self.strings = strings
        let s = strings
        let table = Table(columns: [
            TableColumn(s["rates.col.date"], width: 12),
            TableColumn(s["rates.col.buy"], width: 8, alignment: .right),
            TableColumn(s["rates.col.sell"], width: 8, alignment: .right),
            TableColumn(s["rates.col.source"], width: 10),
            TableColumn(s["rates.col.user"], weight: 1, minWidth: 10),
        ], source: ArrayRowSource([]), emptyMessage: s["rates.empty"])
        pane = ListPane(title: s["rates.title"], table: table)
        pane.showsFilter = false
        load()
    }

    var title: String { strings["module.exchangeRates"] }

    var bindings: [KeyBinding] {
        var b: [KeyBinding] = []
        if services.actor.role.map({ PermissionMatrix.canWrite($0, .exchangeRates) }) == true {
            b.append(KeyBinding([.char("n")], strings["rates.new"], help: strings["rates.help.new"]))
        }
        b.append(KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false))
        return b
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if case .key(.char("n")) = event {
            openEntry(context)
            return .handled
        }
        return pane.handle(event) ? .handled : .ignored
    }

    private func openEntry(_ context: AppContext) {
        let rates = services.exchangeRates, s = strings
        let text = ErrorText(strings)
        context.present(ExchangeRateEntryDialog(today: rates.today, strings: strings, save: { [weak self] dateText, buy, sell, confirmed in
            guard let date = ExchangeRateRule.parseDate(dateText) else { throw ExchangeRateError.invalidDate(dateText) }
            let outcome = try rates.record(date: date, buy: buy, sell: sell, confirmed: confirmed)
            self?.load()
            let day = ExchangeRateRule.dayMonthYear(date)
            guard outcome != .unchanged else { return s.format("rates.unchanged", day) }
            let saved = try rates.get(date)
            return s.format("rates.saved", day, saved.map { ExchangeRate.text($0.buyMilli) } ?? buy,
                            saved.map { ExchangeRate.text($0.sellMilli) } ?? sell)
        }, describe: { error in
            switch error {
            case let e as ServiceError: return text.service(e)
            case let e as ExchangeRateError: return e.message.prefix(1).uppercased() + e.message.dropFirst()
            default: return text.describe(error)
            }
        }))
    }

    /// Reads the rates and today's rate again.
    func load() {
        let s = strings
        do {
            let rates = try services.exchangeRates.list()
            let rows = rates.map { r in
                TableRow(id: Int64(r.date.daysSinceEpoch), cells: [
                    ExchangeRateRule.dayMonthYear(r.date), ExchangeRate.text(r.buyMilli), ExchangeRate.text(r.sellMilli),
                    s["rates.source." + r.source.rawValue], r.user,
                ], cursor: [])
            }
            pane.table.setSource(ArrayRowSource(rows))
            let today = services.exchangeRates.today
            do {
                let choice = try services.exchangeRates.rateFor(today)
                todayLine = s.format("rates.today", ExchangeRateRule.dayMonthYear(today), ExchangeRate.text(choice.rate.sellMilli))
                    + (choice.note.isEmpty ? "" : " — " + choice.note)
                todayIsError = false
            } catch let e as ExchangeRateError {
                todayLine = e.message.prefix(1).uppercased() + e.message.dropFirst()
                todayIsError = true
            }
        } catch let e as ServiceError {
            todayLine = ErrorText(s).service(e)
            todayIsError = true
        } catch {
            todayLine = ErrorText(s).describe(error)
            todayIsError = true
        }
    }

    func reload(context: AppContext) { load() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let (top, body) = rect.splitTop(2)
        canvas.text(" " + todayLine, x: top.x, y: top.y, style: Style(todayIsError ? .error : .accent, bold: true), maxWidth: top.width)
        pane.render(&canvas, in: body, strings: strings)
    }
}
