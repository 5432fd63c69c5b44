/// What accepting a quote does with projects: create its own (the default), add its work to an
/// existing project of the same customer, or none (e.g. a quote of subscriptions only).
public enum ProjectChoice: Sendable, Hashable {
    case new
    case existing(Int64)
    case none
}
