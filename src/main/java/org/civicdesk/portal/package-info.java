/**
 * 门户 — the public portal: the front page with the city's live figures, its latest notices, meetings
 * and answers, its places on the map and a way into each module; and the dashboards (数据看板) at
 * {@code /public/stats}, each chart drawn from the table beneath it and downloadable as CSV and Excel.
 *
 * <p>Every module says what it shows the public through {@link org.civicdesk.shared.web.PublicFigures}
 * in its internal package; the portal reads them all and depends on the shared kernel only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.civicdesk.portal;
