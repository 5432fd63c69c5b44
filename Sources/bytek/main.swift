import Foundation

// Private by default: the database and its -wal/-shm, backups, nightly copies, exports, PDFs and XML are
// readable by their owner only (files 0600, folders 0700), whatever umask the shell had.
umask(0o077)
exit(CLI.main(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment))
