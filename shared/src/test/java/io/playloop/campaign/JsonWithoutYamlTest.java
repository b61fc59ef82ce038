package io.playloop.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the game function reads campaigns without a YAML parser on its class path")
class JsonWithoutYamlTest {

    @Test
    void campaign_classes_load_and_read_json_when_yaml_classes_are_missing() throws Exception {
        try (NoYamlClassLoader loader = new NoYamlClassLoader(getClass().getClassLoader())) {
            Class<?> demo = loader.loadClass(DemoCampaign.class.getName());
            assertThat(demo.getClassLoader()).isSameAs(loader);
            Object campaign = demo.getMethod("get").invoke(null);
            assertThat(campaign.getClass().getMethod("id").invoke(campaign)).isEqualTo("demo");

            // The YAML entry point exists but fails only when called, with the missing class named.
            Class<?> loaderClass = loader.loadClass(CampaignLoader.class.getName());
            Method fromYaml = loaderClass.getMethod("fromYaml", String.class, String.class);
            InvocationTargetException e = catchThrowableOfType(
                    InvocationTargetException.class, () -> fromYaml.invoke(null, "id: x", "x.yaml"));
            assertThat(e.getCause()).isInstanceOf(NoClassDefFoundError.class);
            assertThat(e.getCause().getMessage()).contains("yaml");
        }
    }

    /**
     * Defines io.playloop classes itself (so their references resolve here) and refuses
     * jackson-dataformat-yaml and SnakeYAML, like a Lambda jar built without them.
     */
    private static final class NoYamlClassLoader extends ClassLoader implements AutoCloseable {
        NoYamlClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("com.fasterxml.jackson.dataformat.yaml.") || name.startsWith("org.yaml.")) {
                    throw new ClassNotFoundException(name + " (hidden: no YAML in the Lambda jar)");
                }
                if (!name.startsWith("io.playloop.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = getParent().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public void close() {
        }
    }
}
