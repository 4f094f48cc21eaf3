package io.github.camelloganalytics.springboot;

import java.util.Set;

import io.github.camelloganalytics.LogAnalyticsConfiguration;
import io.github.camelloganalytics.auth.TokenProvider;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns a property value {@code #beanName} (or {@code #bean:beanName}) into that bean, for the component options
 * that take a bean: the form Camel's own starters accept.
 */
public class LogAnalyticsComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(TokenProvider.class, SSLContextParameters.class,
            StateRepository.class, LogAnalyticsConfiguration.class);

    private final ApplicationContext applicationContext;

    /** @param applicationContext where the named beans are */
    public LogAnalyticsComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, TokenProvider.class),
                new ConvertiblePair(String.class, SSLContextParameters.class),
                new ConvertiblePair(String.class, StateRepository.class),
                new ConvertiblePair(String.class, LogAnalyticsConfiguration.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#") || !BEAN_TYPES.contains(targetType.getType())) {
            throw new IllegalArgumentException("Expected a bean reference such as #myBean for a "
                                               + targetType.getType().getSimpleName() + ", not '" + reference + "'");
        }
        String name = reference.startsWith("#bean:") ? reference.substring(6) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
