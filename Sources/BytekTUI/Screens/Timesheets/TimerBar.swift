import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The running timer in the status bar ("⏱ 01:23 PRY-2026-00012") and its one global key, F9 or Ctrl-T,
/// from any screen: when stopped it asks what to time (the last one highlighted: Enter takes it) and
/// starts; when running it stops and logs the minutes (rounded up; split at midnight; at most 24 h).
@MainActor
public final class TimerBar {
    /// The global keys.
    public static let keys: [Key] = [.f(9), .ctrl("t")]

    let store: Store
    /// The last thing timed (or logged on) in this session: the default of the picker.
    var lastKey: TimesheetRowKey?

    public init(store: Store) { self.store = store }

    /// Only people who log hours have a timer.
    func available(_ context: AppContext) -> Bool { context.can(.write, .timesheets) }

    /// The status bar's text while a timer runs.
    func text(_ context: AppContext) -> String? {
        guard available(context), let t = try? context.services(store).timesheets.timer() else { return nil }
        lastKey = lastKey ?? t.key
        return "⏱ " + TimerSplit.clock(TimerSplit.elapsedMinutes(start: t.startedAt, now: context.now())) + " " + t.projectCode
    }

    /// F9 / Ctrl-T.
    func toggle(_ context: AppContext) {
        guard available(context) else { return }
        let timesheets = context.services(store).timesheets
        do {
            if let running = try timesheets.timer() {
                let logged = try timesheets.stopTimer()
                lastKey = running.key
                let minutes = logged.reduce(0) { $0 + $1.minutes }
                context.ok(context.strings.format("timer.stopped", TimesheetDuration.text(minutes), running.projectCode))
                return
            }
            let targets = try timesheets.targets()
            context.present(TimesheetTargetPicker(targets: targets, initial: lastKey, strings: context.strings) { [weak self] t, ctx in
                self?.start(t.key, title: t.title, ctx)
            })
        } catch {
            context.error(ErrorText(context.strings).describe(error))
        }
    }

    /// Starts the timer on `key` (the grid's `t` too).
    func start(_ key: TimesheetRowKey, title: String, _ context: AppContext) {
        do {
            try context.services(store).timesheets.startTimer(key)
            lastKey = key
            context.ok(context.strings.format("timer.started", title))
        } catch {
            context.error(ErrorText(context.strings).describe(error))
        }
    }

    /// The line of the help overlay.
    func binding(_ strings: Strings) -> KeyBinding {
        KeyBinding(Self.keys, strings["key.ts.timer"], help: strings["timer.help"])
    }
}
