package io.github.camelloganalytics.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit 5 extension: one started {@link LogAnalyticsEmulator} per test class, closed after it. It is injected into
 * static and instance fields of type {@code LogAnalyticsEmulator} and into parameters of that type (constructors,
 * lifecycle and test methods). Nested classes share their enclosing class's emulator.
 *
 * <pre>{@code
 * @ExtendWith(LogAnalyticsEmulatorExtension.class)
 * class MyRouteTest {
 *     static LogAnalyticsEmulator emulator;   // injected
 *     @Test void query(LogAnalyticsEmulator same) { ... }
 * }
 * }</pre>
 *
 * Registered with {@code @RegisterExtension}, it builds the emulator with a {@link LogAnalyticsEmulator.Builder}: a
 * fixed or offset clock, the sample data's seed, the test's own data files, more workspaces (or on fixed ports):
 *
 * <pre>{@code
 * @RegisterExtension
 * static LogAnalyticsEmulatorExtension emulator = new LogAnalyticsEmulatorExtension(LogAnalyticsEmulator.builder()
 *         .clockFixedAt(Instant.parse("2026-03-01T12:00:00Z"))
 *         .data(Path.of("src/test/data")));                     // Orders_CL.ndjson becomes table Orders_CL
 * }</pre>
 */
public final class LogAnalyticsEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE
            = ExtensionContext.Namespace.create(LogAnalyticsEmulatorExtension.class);
    private static final String KEY = "emulator";

    private final Supplier<LogAnalyticsEmulator> factory;

    /** An extension making emulators on ephemeral ports. */
    public LogAnalyticsEmulatorExtension() {
        this(LogAnalyticsEmulator::new);
    }

    /**
     * An extension making each test class's emulator with a builder: its clock, seed, data and workspaces.
     *
     * @param builder the builder; each test class gets a new emulator of it
     */
    public LogAnalyticsEmulatorExtension(LogAnalyticsEmulator.Builder builder) {
        this(builder::build);
    }

    /**
     * @param factory makes the (not yet started) emulator for a test class
     */
    public LogAnalyticsEmulatorExtension(Supplier<LogAnalyticsEmulator> factory) {
        this.factory = factory;
    }

    /**
     * Starts the class's emulator and injects it into static fields.
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        LogAnalyticsEmulator emulator = emulator(context);
        injectFields(context.getRequiredTestClass(), null, emulator);
    }

    /**
     * Closes the emulator the class started (not one an enclosing class owns).
     *
     * @param context the class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        LogAnalyticsEmulator own = context.getStore(NAMESPACE).remove(KEY, LogAnalyticsEmulator.class);
        if (own != null) {
            own.close();
        }
    }

    /**
     * Injects the emulator into the instance's fields.
     *
     * @param testInstance the test instance
     * @param context      its context
     */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        injectFields(testInstance.getClass(), testInstance, emulator(context));
    }

    /**
     * @param  parameterContext the parameter
     * @param  extensionContext its context
     * @return                  true for a parameter of type {@link LogAnalyticsEmulator}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LogAnalyticsEmulator.class;
    }

    /**
     * @param  parameterContext the parameter
     * @param  extensionContext its context
     * @return                  the class's emulator
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return emulator(extensionContext);
    }

    /** The nearest emulator up the context tree, or a new one owned by the nearest class-level context. */
    private LogAnalyticsEmulator emulator(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            LogAnalyticsEmulator existing = c.get().getStore(NAMESPACE).get(KEY, LogAnalyticsEmulator.class);
            if (existing != null) {
                return existing;
            }
        }
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        LogAnalyticsEmulator created = factory.get().start();
        owner.getStore(NAMESPACE).put(KEY, created);
        return created;
    }

    private static void injectFields(Class<?> type, Object instance, LogAnalyticsEmulator emulator) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() != LogAnalyticsEmulator.class || Modifier.isFinal(f.getModifiers())
                        || Modifier.isStatic(f.getModifiers()) == (instance != null)) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    f.set(instance, emulator);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new ExtensionConfigurationException("Cannot inject the emulator into " + f, e);
                }
            }
        }
    }
}
