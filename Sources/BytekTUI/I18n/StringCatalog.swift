/// Every user-visible text, by key: (Spanish, English). Keys are grouped by module prefix.
enum StringCatalog {
    static let entries: [String: (es: String, en: String)] = [
        // App frame
        "app.name": ("BYTEK Core", "BYTEK Core"),
        "app.tooSmall": ("Ventana muy pequeña: {0}×{1}. Agrande la terminal a 80×24 como mínimo.",
                         "Window too small: {0}×{1}. Enlarge the terminal to at least 80×24."),
        "app.quitConfirm": ("¿Salir de BYTEK Core?", "Quit BYTEK Core?"),
        "app.noPermission": ("Su rol ({0}) no tiene permiso para {1} en {2}.", "Your role ({0}) may not {1} in {2}."),
        "app.dataChanged": ("Datos actualizados por otro usuario", "Data updated by another user"),
        "app.switchModule": ("Módulo", "Module"),
        "app.switchModuleHelp": ("1…9 o F2…F10: cambiar de módulo (o clic en la barra superior)", "1…9 or F2…F10: switch module (or click the top bar)"),
        "app.back": ("Volver / cancelar", "Back / cancel"),
        "app.quitHelp": ("Salir (desde la primera pantalla de un módulo; Ctrl-Q pregunta antes)", "Quit (from a module's first screen; Ctrl-Q asks first)"),
        "perm.read": ("ver", "view"),
        "perm.write": ("modificar", "modify"),

        // Modules
        "module.customers": ("Clientes", "Customers"),
        "module.catalog": ("Catálogo", "Catalog"),
        "module.audit": ("Auditoría", "Audit"),
        "module.jobs": ("Tareas", "Jobs"),
        "module.sales": ("Ventas", "Sales"),
        "module.quotes": ("Cotizaciones", "Quotes"),
        "module.billing": ("Facturación", "Billing"),
        "module.projects": ("Proyectos", "Projects"),
        "module.stock": ("Almacén", "Stock"),
        "module.support": ("Soporte", "Support"),

        // Common keys and words
        "key.help": ("Ayuda", "Help"),
        "key.quit": ("Salir", "Quit"),
        "key.search": ("Buscar", "Search"),
        "key.new": ("Nuevo", "New"),
        "key.edit": ("Editar", "Edit"),
        "key.save": ("Guardar", "Save"),
        "key.cancel": ("Cancelar", "Cancel"),
        "key.archive": ("Archivar", "Archive"),
        "key.palette": ("Comandos", "Commands"),
        "key.sort": ("Ordenar", "Sort"),
        "key.open": ("Abrir", "Open"),
        "key.move": ("Mover", "Move"),
        "word.yes": ("Sí", "Yes"),
        "word.no": ("No", "No"),
        "word.active": ("Activo", "Active"),
        "word.archived": ("Archivado", "Archived"),
        "word.rows": ("{0} filas", "{0} rows"),
        "word.filter": ("Filtro", "Filter"),
        "word.none": ("(ninguno)", "(none)"),

        // Dialogs and forms
        "dialog.discard": ("Hay cambios sin guardar. ¿Descartarlos?", "There are unsaved changes. Discard them?"),
        "dialog.draftFound": ("Hay un borrador sin guardar del {0}. ¿Recuperarlo?", "There is an unsaved draft from {0}. Restore it?"),
        "form.saved": ("Guardado.", "Saved."),
        "form.fixErrors": ("Corrija los campos marcados: {0}", "Fix the marked fields: {0}"),
        "form.required": ("Obligatorio.", "Required."),

        // Help and palette
        "help.title": ("Ayuda — teclas de {0}", "Help — keys of {0}"),
        "help.global": ("Teclas globales", "Global keys"),
        "help.close": ("Esc o ? cierra esta ayuda", "Esc or ? closes this help"),
        "palette.title": ("Comandos", "Commands"),
        "palette.prompt": ("Escriba para buscar acciones y registros", "Type to search actions and records"),
        "palette.empty": ("Nada coincide", "Nothing matches"),

        // Widgets and overlays
        "widget.ok": ("Aceptar", "OK"),
        "widget.run": ("Ejecutar", "Run"),
        "widget.close": ("Cerrar", "Close"),
        "widget.choose": ("Elegir", "Choose"),
        "widget.scroll": ("Desplazar", "Scroll"),
        "widget.confirm": ("Confirmar", "Confirm"),
        "widget.answer": ("Responder", "Answer"),
        "widget.notice": ("Aviso", "Notice"),
        "widget.error": ("Error", "Error"),
        "help.screen": ("Teclas de esta pantalla", "Keys of this screen"),
        "help.noKeys": ("(esta pantalla no tiene teclas propias)", "(this screen has no keys of its own)"),
    ]
}
