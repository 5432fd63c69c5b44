import BytekModel
import BytekStore
import BytekWorker

/// `bytek worker [--once] [--lease SECONDS]`: runs queued and scheduled jobs.
@MainActor
enum WorkerCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let once = args.flag("--once")
        var lease = 60
        if let text = try args.option("--lease") {
            guard let n = Int(text), n >= 1, n <= 86_400 else {
                throw CLIError.usage("--lease espera segundos entre 1 y 86400, no «\(text)»", command: "worker")
            }
            lease = n
        }
        try args.finish()
        let store = try context.openStore()
        _ = try context.requireUser(store, .read, .jobs)
        let worker = Worker(db: store.db, leaseSeconds: lease)
        worker.describeError = Messages.text
        JobHandlers.registerAll(on: worker, environment: context.environment)
        if once {
            let summary = try worker.runOnce()
            Console.out("Trabajos terminados: \(summary.completed); con error: \(summary.failed); "
                + "programados: \(summary.scheduled).")
            return 0
        }
        worker.installSignalHandlers()
        worker.run()
        return 0
    }
}
