package io.github.camelloganalytics.springboot;

import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.LogAnalyticsConfiguration;
import io.github.camelloganalytics.auth.CredentialType;
import io.github.camelloganalytics.auth.TokenProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.loganalytics.*} properties to the {@code loganalytics} component, and gives it
 * the application's {@link TokenProvider} and {@link SSLContextParameters} beans when the properties name none, as
 * Camel's own starters do for their components.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, LogAnalyticsComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.loganalytics" })
public class LogAnalyticsComponentAutoConfiguration {

    /**
     * Lets {@code #beanName} in a property name a bean for the options that take one.
     *
     * @param  applicationContext where the beans are
     * @return                    the converter Spring's property binding uses
     */
    @Bean
    @ConfigurationPropertiesBinding
    public static LogAnalyticsComponentConverter logAnalyticsComponentConverter(ApplicationContext applicationContext) {
        return new LogAnalyticsComponentConverter(applicationContext);
    }

    /**
     * @param  applicationContext    for the {@code camel.component.customizer} switches
     * @param  camelContext          the context the component lives in
     * @param  configuration         the bound properties
     * @param  tokenProviders        the application's token providers, if any
     * @param  sslContextParameters  the application's TLS settings, if any
     * @return                       the customizer Camel applies when it creates the component
     */
    @Lazy
    @Bean
    public ComponentCustomizer configureLogAnalyticsComponent(ApplicationContext applicationContext,
                                                              CamelContext camelContext,
                                                              LogAnalyticsComponentConfiguration configuration,
                                                              ObjectProvider<TokenProvider> tokenProviders,
                                                              ObjectProvider<SSLContextParameters> sslContextParameters) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
                LogAnalyticsConfiguration options = ((LogAnalyticsComponent) target).getConfiguration();
                if (options.getSslContextParameters() == null) {
                    sslContextParameters.ifUnique(options::setSslContextParameters);
                }
                if (noCredentialGiven(options)) {
                    tokenProviders.ifUnique(options::setTokenProvider);
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.loganalytics.customizer") && target instanceof LogAnalyticsComponent;
            }
        };
    }

    /**
     * A token provider bean is the credential only when the properties choose no other: with credentialType AUTO
     * (or TOKEN_PROVIDER) and none of the credential options set, it cannot contradict what the user configured.
     */
    static boolean noCredentialGiven(LogAnalyticsConfiguration options) {
        CredentialType type = options.getCredentialType();
        return (type == CredentialType.AUTO || type == CredentialType.TOKEN_PROVIDER)
               && options.getTokenProvider() == null && options.getAccessToken() == null
               && options.getRefreshToken() == null && options.getClientSecret() == null
               && options.getCertificatePath() == null && options.getFederatedTokenFile() == null;
    }
}
