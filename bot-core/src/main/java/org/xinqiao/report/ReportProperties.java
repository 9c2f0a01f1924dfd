package org.xinqiao.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reports ({@code xinqiao.report.*}).
 *
 * @param font the CJK font file the PDFs embed (.ttf, .otf or .ttc); unset means the first of
 *     Debian's usual CJK fonts that is installed (see {@link ReportFont#SYSTEM_PATHS})
 */
@ConfigurationProperties("xinqiao.report")
record ReportProperties(String font) {}
