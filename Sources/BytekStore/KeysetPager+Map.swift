extension KeysetPager {
    /// The same rows, each item transformed (e.g. a field the reader may not see blanked).
    public func map<T>(_ transform: @escaping @Sendable (Item) -> T) -> KeysetPager<T> {
        let decode = self.decode
        return KeysetPager<T>(db: db, from: from, where: condition, arguments: arguments, columns: columns,
                              order: order, countQuery: countQuery, decode: { transform(try decode($0)) })
    }
}
