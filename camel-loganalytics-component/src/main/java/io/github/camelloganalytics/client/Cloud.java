package io.github.camelloganalytics.client;

/**
 * The Azure clouds and where each serves the Log Analytics query API, Azure Resource Manager and Entra ID. One
 * table, so that a host and the audience of the tokens it accepts cannot disagree.
 */
public enum Cloud {
    /** Azure's public cloud. */
    AZURE_PUBLIC("https://api.loganalytics.azure.com", "https://api.loganalytics.io/.default",
                 "https://management.azure.com", "https://management.azure.com/.default",
                 "https://login.microsoftonline.com"),
    /** Azure China, operated by 21Vianet. */
    AZURE_CHINA("https://api.loganalytics.azure.cn", "https://api.loganalytics.azure.cn/.default",
                "https://management.chinacloudapi.cn", "https://management.chinacloudapi.cn/.default",
                "https://login.chinacloudapi.cn"),
    /** Azure US Government. */
    AZURE_US_GOVERNMENT("https://api.loganalytics.us", "https://api.loganalytics.us/.default",
                        "https://management.usgovcloudapi.net", "https://management.usgovcloudapi.net/.default",
                        "https://login.microsoftonline.us");

    private final String queryHost;
    private final String directApiScope;
    private final String armHost;
    private final String armScope;
    private final String authorityHost;

    Cloud(String queryHost, String directApiScope, String armHost, String armScope, String authorityHost) {
        this.queryHost = queryHost;
        this.directApiScope = directApiScope;
        this.armHost = armHost;
        this.armScope = armScope;
        this.authorityHost = authorityHost;
    }

    /**
     * The base URL of the direct query API in this cloud.
     *
     * @return the base URL of the direct query API in this cloud
     */
    public String queryHost() {
        return queryHost;
    }

    /**
     * The OAuth 2.0 scope whose tokens the direct query API accepts.
     *
     * @return the OAuth 2.0 scope whose tokens the direct query API accepts
     */
    public String directApiScope() {
        return directApiScope;
    }

    /**
     * The base URL of Azure Resource Manager in this cloud.
     *
     * @return the base URL of Azure Resource Manager in this cloud
     */
    public String armHost() {
        return armHost;
    }

    /**
     * The OAuth 2.0 scope whose tokens Azure Resource Manager accepts.
     *
     * @return the OAuth 2.0 scope whose tokens Azure Resource Manager accepts
     */
    public String armScope() {
        return armScope;
    }

    /**
     * The Entra ID authority host of this cloud.
     *
     * @return the Entra ID authority host of this cloud
     */
    public String authorityHost() {
        return authorityHost;
    }
}
