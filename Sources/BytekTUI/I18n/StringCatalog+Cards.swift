extension StringCatalog {
    /// Tarjetas y cobros con tarjeta (the pane opened with `t` from Cobranzas) and the audit names of the engine.
    static let cards: [String: (es: String, en: String)] = [
        "audit.entity.saved_card": ("Tarjeta", "Saved card"),
        "audit.entity.card_autopay": ("Cobro automático", "Autopay"),
        "audit.entity.card_charge": ("Cobro tarjeta", "Card charge"),
        "audit.entity.card_refund": ("Reembolso", "Refund"),
        "audit.entity.card_payout": ("Liquidación", "Gateway payout"),
    ]
}
