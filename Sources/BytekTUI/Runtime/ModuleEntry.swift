import BytekModel

/// A module of the top bar: its id (for permissions and titles) and how to build its first screen.
public struct ModuleEntry {
    public var module: AppModule
    public var makeRoot: @MainActor (AppContext) -> any Screen
    public init(_ module: AppModule, makeRoot: @escaping @MainActor (AppContext) -> any Screen) {
        self.module = module; self.makeRoot = makeRoot
    }
}
