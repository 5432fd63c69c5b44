extension Schema {
    /// Other costs of a project are never deleted: a mistake is reversed by admin or finanzas with a reason
    /// (and entered again); profitability counts only the costs that stand. The invoices of a project are
    /// found by their quote's number, hence the index.
    static let projectCostReversal = """
    ALTER TABLE project_cost ADD COLUMN reversed_at TEXT;
    ALTER TABLE project_cost ADD COLUMN reversed_by TEXT;
    ALTER TABLE project_cost ADD COLUMN reversal_reason TEXT;
    CREATE INDEX e_document_by_quote_number ON e_document(quote_number) WHERE quote_number IS NOT NULL;
    """
}
