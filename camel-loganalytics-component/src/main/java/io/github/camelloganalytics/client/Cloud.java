package io.github.camelloganalytics.client;

/**
 * The Azure clouds and where each serves the Log Analytics query API. One table, so the host and the token
 * audience cannot disagree.
 */
public enum Cloud {
    AZURE_PUBLIC("https://api.loganalytics.azure.com", "https://api.loganalytics.io/.default"),
    AZURE_CHINA("https://api.loganalytics.azure.cn", "https://api.loganalytics.azure.cn/.default"),
    AZURE_US_GOVERNMENT("https://api.loganalytics.us", "https://api.loganalytics.us/.default");

    private final String queryHost;
    private final String directApiScope;

    Cloud(String queryHost, String directApiScope) {
        this.queryHost = queryHost;
        this.directApiScope = directApiScope;
    }

    /** The base URL of the direct query API in this cloud. */
    public String queryHost() {
        return queryHost;
    }

    /** The OAuth 2.0 scope whose tokens the direct query API accepts. */
    public String directApiScope() {
        return directApiScope;
    }
}
