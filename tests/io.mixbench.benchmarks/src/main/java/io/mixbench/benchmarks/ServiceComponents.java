package io.mixbench.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Creates the Declarative Services components of the bundles on the class path, without a framework, the way SCR
 * would with no configuration: it reads each jar's {@code Service-Component} header and descriptors, keeps the
 * enabled components that provide the wanted service and need no mandatory reference or configuration, constructs
 * them and calls their activate method. So a benchmark runs exactly the components the product runs, whatever
 * their classes are called.
 */
final class ServiceComponents {

    /** A created component: its DS name, the class path entry that holds it, its service properties. */
    record Found<T>(String name, String origin, Map<String, Object> properties, T service) {
    }

    private ServiceComponents() {
    }

    /**
     * The components providing {@code type}, highest {@code service.ranking} first, then by name.
     *
     * @throws IllegalStateException when a descriptor is malformed or a component cannot be created
     */
    static <T> List<Found<T>> load(Class<T> type, ClassLoader loader) throws IOException {
        List<Found<T>> found = new ArrayList<>();
        Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            URL manifestUrl = manifests.nextElement();
            Manifest manifest;
            try (InputStream in = manifestUrl.openStream()) {
                manifest = new Manifest(in);
            }
            String header = manifest.getMainAttributes().getValue("Service-Component");
            if (header == null || header.isBlank()) {
                continue;
            }
            URL root = new URL(manifestUrl, "../");
            for (String pattern : header.split(",")) {
                for (URL descriptor : descriptors(root, pattern.trim())) {
                    for (Element component : components(descriptor)) {
                        Found<T> created = create(type, loader, root, component);
                        if (created != null) {
                            found.add(created);
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt((Found<T> f) -> -ranking(f.properties())).thenComparing(Found::name));
        return found;
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get("service.ranking") instanceof Integer r ? r : 0;
    }

    /** The descriptor files a header entry names; a wildcard in the last segment matches like SCR does. */
    private static List<URL> descriptors(URL root, String pattern) throws IOException {
        if (!pattern.contains("*")) {
            return List.of(new URL(root, pattern));
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<URL> urls = new ArrayList<>();
        if ("jar".equals(root.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    if (matcher.matches(Path.of(entry.getName()))) {
                        urls.add(new URL(root, entry.getName()));
                    }
                }
            }
        } else {
            Path base;
            try {
                base = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(root + ": not a folder", e);
            }
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path relative = base.relativize(file);
                    if (matcher.matches(Path.of(relative.toString().replace('\\', '/')))) {
                        urls.add(file.toUri().toURL());
                    }
                }
            }
        }
        urls.sort(Comparator.comparing(URL::toString));
        return urls;
    }

    private static List<Element> components(URL descriptor) throws IOException {
        Document document;
        try (InputStream in = descriptor.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(descriptor + ": malformed component descriptor: " + e.getMessage(), e);
        }
        List<Element> components = new ArrayList<>();
        Element root = document.getDocumentElement();
        if ("component".equals(localName(root))) {
            components.add(root);
        } else {
            components.addAll(children(root, "component"));
        }
        return components;
    }

    private static <T> Found<T> create(Class<T> type, ClassLoader loader, URL root, Element component)
            throws IOException {
        String name = component.getAttribute("name");
        boolean provides = false;
        for (Element service : children(component, "service")) {
            for (Element provide : children(service, "provide")) {
                provides |= type.getName().equals(provide.getAttribute("interface"));
            }
        }
        // Disabled, factory and configuration-requiring components are not active in a product with no config.
        if (!provides || "false".equals(component.getAttribute("enabled")) || component.hasAttribute("factory")
                || "require".equals(component.getAttribute("configuration-policy"))) {
            return null;
        }
        for (Element reference : children(component, "reference")) {
            String cardinality = reference.getAttribute("cardinality");
            if (cardinality.isEmpty() || cardinality.startsWith("1")) {
                throw new IllegalStateException(name + " needs the service " + reference.getAttribute("interface")
                        + ", which cannot be supplied outside a framework");
            }
        }
        Map<String, Object> properties = properties(component, root);
        properties.put("component.name", name);
        List<Element> implementation = children(component, "implementation");
        if (implementation.size() != 1) {
            throw new IllegalStateException(name + ": one <implementation> expected");
        }
        String className = implementation.get(0).getAttribute("class");
        try {
            Class<?> implementationClass = Class.forName(className, true, loader);
            Object instance = construct(implementationClass, component, properties);
            activate(implementationClass, instance, component, properties);
            return new Found<>(name, origin(root), Collections.unmodifiableMap(properties), type.cast(instance));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException(name + " (" + className + ") could not be created: " + cause, cause);
        }
    }

    private static String origin(URL root) {
        String s = root.toString();
        int bang = s.indexOf("!/");
        s = bang >= 0 ? s.substring(0, bang) : s;
        return s.substring(s.lastIndexOf('/', s.length() - 2) + 1);
    }

    private static Object construct(Class<?> implementationClass, Element component, Map<String, Object> properties)
            throws ReflectiveOperationException {
        String init = component.getAttribute("init");
        int parameters = init.isEmpty() ? 0 : Integer.parseInt(init.trim());
        for (Constructor<?> constructor : implementationClass.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == parameters) {
                Object[] args = arguments(constructor.getParameterTypes(), properties);
                if (args != null) {
                    constructor.setAccessible(true);
                    return constructor.newInstance(args);
                }
            }
        }
        throw new NoSuchMethodException(implementationClass.getName() + ": no constructor with " + parameters
                + " parameters of supported types");
    }

    private static void activate(Class<?> implementationClass, Object instance, Element component,
            Map<String, Object> properties) throws ReflectiveOperationException {
        boolean named = component.hasAttribute("activate");
        String methodName = named ? component.getAttribute("activate") : "activate";
        for (Class<?> c = implementationClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(methodName)) {
                    Object[] args = arguments(method.getParameterTypes(), properties);
                    if (args != null) {
                        method.setAccessible(true);
                        method.invoke(instance, args);
                        return;
                    }
                }
            }
        }
        if (named) {
            throw new NoSuchMethodException(implementationClass.getName() + "." + methodName
                    + " with parameters of supported types (Map or component property types)");
        }
    }

    /** Arguments for DS parameters, or null when one is of a type only a framework can supply. */
    private static Object[] arguments(Class<?>[] types, Map<String, Object> properties) {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == Map.class) {
                args[i] = Collections.unmodifiableMap(properties);
            } else if (types[i].isAnnotation()) {
                args[i] = propertyType(types[i], properties);
            } else {
                return null;
            }
        }
        return args;
    }

    /** A component property type backed by the properties, falling back to the annotation's defaults. */
    private static Object propertyType(Class<?> annotation, Map<String, Object> properties) {
        return Proxy.newProxyInstance(annotation.getClassLoader(), new Class<?>[]{annotation}, (proxy, method,
                args) -> {
            switch (method.getName()) {
                case "annotationType" :
                    return annotation;
                case "toString" :
                    return "@" + annotation.getName() + properties;
                case "hashCode" :
                    return System.identityHashCode(proxy);
                case "equals" :
                    return proxy == args[0];
                default :
                    Object value = properties.get(propertyName(method.getName()));
                    return value == null ? method.getDefaultValue() : convert(value, method.getReturnType());
            }
        });
    }

    /** DS 1.4 name mapping of a property-type element: "$$" is "$", "$" vanishes, "__" is "_", "_" is ".". */
    static String propertyName(String element) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            boolean doubled = i + 1 < element.length() && element.charAt(i + 1) == c;
            if (c == '$') {
                if (doubled) {
                    name.append('$');
                    i++;
                }
            } else if (c == '_') {
                name.append(doubled ? '_' : '.');
                i += doubled ? 1 : 0;
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static Object convert(Object value, Class<?> type) {
        if (type.isArray()) {
            Object[] values = value.getClass().isArray() ? toObjects(value) : new Object[]{value};
            Object array = Array.newInstance(type.getComponentType(), values.length);
            for (int i = 0; i < values.length; i++) {
                Array.set(array, i, convert(values[i], type.getComponentType()));
            }
            return array;
        }
        if (value.getClass().isArray()) {
            Object[] values = toObjects(value);
            return values.length == 0 ? null : convert(values[0], type);
        }
        String s = value.toString().trim();
        if (type == String.class) {
            return value.toString();
        } else if (type == int.class || type == Integer.class) {
            return Integer.valueOf(s);
        } else if (type == long.class || type == Long.class) {
            return Long.valueOf(s);
        } else if (type == double.class || type == Double.class) {
            return Double.valueOf(s);
        } else if (type == float.class || type == Float.class) {
            return Float.valueOf(s);
        } else if (type == boolean.class || type == Boolean.class) {
            return Boolean.valueOf(s);
        } else if (type == short.class || type == Short.class) {
            return Short.valueOf(s);
        } else if (type == byte.class || type == Byte.class) {
            return Byte.valueOf(s);
        } else if (type == char.class || type == Character.class) {
            return s.isEmpty() ? '\0' : s.charAt(0);
        } else if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(s)) {
                    return constant;
                }
            }
        } else if (type == Class.class) {
            try {
                return Class.forName(s);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(s, e);
            }
        }
        throw new IllegalArgumentException("cannot convert \"" + s + "\" to " + type.getName());
    }

    private static Object[] toObjects(Object array) {
        Object[] values = new Object[Array.getLength(array)];
        for (int i = 0; i < values.length; i++) {
            values[i] = Array.get(array, i);
        }
        return values;
    }

    /** The component's properties in document order; a later definition of a name overrides an earlier one. */
    private static Map<String, Object> properties(Element component, URL root) throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Node node = component.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element)) {
                continue;
            }
            if ("property".equals(localName(element))) {
                String type = element.hasAttribute("type") ? element.getAttribute("type") : "String";
                if (element.hasAttribute("value")) {
                    properties.put(element.getAttribute("name"), typed(element.getAttribute("value"), type));
                } else {
                    List<Object> values = new ArrayList<>();
                    for (String line : element.getTextContent().split("\n")) {
                        if (!line.isBlank()) {
                            values.add(typed(line.trim(), type));
                        }
                    }
                    properties.put(element.getAttribute("name"), values.toArray());
                }
            } else if ("properties".equals(localName(element))) {
                Properties file = new Properties();
                try (InputStream in = new URL(root, element.getAttribute("entry")).openStream()) {
                    file.load(in);
                }
                for (String key : file.stringPropertyNames()) {
                    properties.put(key, file.getProperty(key));
                }
            }
        }
        return properties;
    }

    private static Object typed(String value, String type) {
        return switch (type) {
            case "Integer" -> Integer.valueOf(value.trim());
            case "Long" -> Long.valueOf(value.trim());
            case "Double" -> Double.valueOf(value.trim());
            case "Float" -> Float.valueOf(value.trim());
            case "Boolean" -> Boolean.valueOf(value.trim());
            case "Short" -> Short.valueOf(value.trim());
            case "Byte" -> Byte.valueOf(value.trim());
            case "Character", "Char" -> value.isEmpty() ? '\0' : value.charAt(0);
            default -> value;
        };
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && localName.equals(localName(e))) {
                children.add(e);
            }
        }
        return children;
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }
}
