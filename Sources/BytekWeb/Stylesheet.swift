/// The one CSS file (/static/app.css): one column on a 360-px phone, a centred card on a desktop,
/// high contrast, a visible focus ring, large touch targets.
enum Stylesheet {
    static let css = """
    *{box-sizing:border-box}
    html{font-size:100%}
    body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif;line-height:1.5;color:#1a1a1a;background:#f3f4f6}
    header{background:#0b3d91;color:#fff;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between}
    header .marca{font-weight:700;font-size:1.15rem;color:#fff;text-decoration:none}
    main{max-width:40rem;margin:0 auto;padding:1rem}
    .tarjeta{background:#fff;border:1px solid #c9ced6;border-radius:.5rem;padding:1rem 1.25rem;margin:0 0 1rem}
    h1{font-size:1.4rem;margin:.25rem 0 1rem}
    h2{font-size:1.15rem;margin:0 0 .5rem}
    label{display:block;font-weight:600;margin:.75rem 0 .25rem}
    input[type=text],input[type=email],input[type=password]{width:100%;font-size:1rem;padding:.65rem;border:1px solid #5b6472;border-radius:.35rem;background:#fff;color:#1a1a1a}
    button,input{font-family:inherit}
    button,.boton{display:inline-block;font-size:1rem;padding:.65rem 1.1rem;margin-top:1rem;border:0;border-radius:.35rem;background:#0b3d91;color:#fff;cursor:pointer;text-decoration:none;min-height:2.75rem}
    header button{margin:0;background:#fff;color:#0b3d91}
    a{color:#0b3d91}
    :focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
    .aviso{border-left:4px solid #0b3d91;background:#e8eefb;padding:.75rem 1rem;margin:0 0 1rem}
    .error{border-left:4px solid #b42318;background:#fdecea;color:#7a1a12;padding:.75rem 1rem;margin:0 0 1rem}
    dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
    dt{font-weight:600}
    dd{margin:0;overflow-wrap:anywhere}
    ul.clientes{list-style:none;padding:0;margin:0}
    ul.clientes li{margin:.4rem 0}
    nav.cambiar{margin:0 0 1rem}
    nav.cambiar a[aria-current]{font-weight:700;text-decoration:none;color:#1a1a1a}
    .muted{color:#4b5563}
    nav.secciones{display:flex;flex-wrap:wrap;gap:.25rem .5rem;margin:0 0 .75rem}
    nav.secciones a{display:inline-block;padding:.55rem .75rem;min-height:2.75rem;border-radius:.35rem;background:#fff;border:1px solid #c9ced6;text-decoration:none;font-weight:600}
    nav.secciones a[aria-current]{background:#0b3d91;color:#fff;border-color:#0b3d91}
    .empresa{margin:0;font-weight:600}
    ul.accesos,ul.documentos{list-style:none;padding:0;margin:0}
    ul.accesos li{margin:.5rem 0}
    ul.accesos .boton{margin:0 .5rem 0 0}
    .documento h2{font-size:1.05rem}
    .archivos a{display:inline-block;padding:.5rem .9rem;margin:.5rem .5rem 0 0;min-height:2.75rem;border:1px solid #0b3d91;border-radius:.35rem;text-decoration:none;font-weight:600}
    .estado{font-weight:600}
    .estado-rechazado,.estado-anulado,.estado-error{color:#7a1a12}
    .estado-aceptado,.estado-observado{color:#14532d}
    .monto{font-variant-numeric:tabular-nums;text-align:right}
    dd.monto{text-align:left}
    form.filtros{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end;margin:0 0 1rem}
    form.filtros label{margin-top:0}
    select,input[type=date]{font-size:1rem;padding:.6rem;border:1px solid #5b6472;border-radius:.35rem;background:#fff;color:#1a1a1a;min-height:2.75rem}
    .boton.secundario{background:#fff;color:#0b3d91;border:1px solid #0b3d91}
    nav.paginas{display:flex;flex-wrap:wrap;gap:.5rem;justify-content:space-between}
    table.cuenta{width:100%;border-collapse:collapse;font-size:.95rem}
    table.cuenta th,table.cuenta td{padding:.4rem .5rem;border-bottom:1px solid #e2e5ea;text-align:left;vertical-align:top}
    table.cuenta td.monto,table.cuenta th.monto{text-align:right}
    h3{font-size:1rem;margin:1rem 0 .25rem}
    .pasarela input:not([type=checkbox]):not([type=hidden]){display:block;width:100%;font-size:1rem;padding:.65rem;margin:.25rem 0 .5rem;border:1px solid #5b6472;border-radius:.35rem;background:#fff;color:#1a1a1a}
    .pasarela label{font-weight:600;margin:.5rem 0 0}
    .kr-form-error,.niubiz-error{color:#7a1a12;font-weight:600;margin-top:.5rem}
    ul.pendientes{list-style:none;padding:0;margin:0}
    ul.pendientes li{display:flex;gap:.75rem;align-items:flex-start;padding:.6rem 0;border-bottom:1px solid #e2e5ea}
    ul.pendientes input[type=checkbox]{width:1.5rem;height:1.5rem;margin:.15rem 0 0;flex:none}
    ul.pendientes label{margin:0;font-weight:400;flex:1}
    .total{font-size:1.2rem;font-weight:700}
    .resultado-aprobado{border-left:4px solid #14532d;background:#e7f5ec;padding:.75rem 1rem;margin:0 0 1rem}
    .aviso-vence{color:#7a1a12;font-weight:600}
    @media (max-width:47.99rem){table.cuenta thead{position:absolute;left:-9999px}table.cuenta tr{display:block;border-bottom:2px solid #c9ced6;padding:.25rem 0}table.cuenta td{display:flex;justify-content:space-between;gap:1rem;border:0;padding:.15rem 0}table.cuenta td::before{content:attr(data-label);font-weight:600}table.cuenta td:empty{display:none}table.cuenta td.monto{text-align:right}}
    @media (min-width:48rem){main{padding:2rem 1rem}h1{font-size:1.7rem}}
    @media (min-width:64rem){main{max-width:60rem}}
    .horas select,.horas input[type=text]{display:block;width:100%;font-size:1.1rem;min-height:3rem;margin:.25rem 0 .75rem}
    """
}
