/** The font stack of Netwright's SVG charts: the system's UI font, as the editor's own. */
export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
