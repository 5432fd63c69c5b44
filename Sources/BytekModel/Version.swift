public enum BytekModelInfo { public static let version = "0.1.0" }
