package io.clusterdeck.design;

import io.clusterdeck.json.Checks;
import io.clusterdeck.json.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A design: the application's functions, the segments they are split into, and how each part runs.
 * The single source of truth that the designer edits, the launcher runs and the exporters translate.
 *
 * <p>The constructor checks each value on its own; {@link #validate()} checks how they fit together
 * (every function in exactly one segment, calls to known functions, ...), so that an editor can hold a design
 * that is still being put together.
 */
public record Design(Integer version, String name, String description, Mode mode, List<Bundle> bundles,
                     List<Function> functions, List<Segment> segments, GatewaySettings gateway, ProxySettings proxy,
                     RepositorySettings repository, NetworkSettings network, PortSettings ports, Layout layout,
                     AuthSettings auth) {
    /** The version of the file format this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    public Design {
        mode = mode == null ? Mode.CLUSTER : mode;
        bundles = bundles == null ? List.of() : List.copyOf(bundles);
        functions = functions == null ? List.of() : List.copyOf(functions);
        segments = segments == null ? List.of() : List.copyOf(segments);
        gateway = gateway == null ? GatewaySettings.DEFAULT : gateway;
        proxy = proxy == null ? ProxySettings.DEFAULT : proxy;
        repository = repository == null ? RepositorySettings.DEFAULT : repository;
        network = network == null ? NetworkSettings.DEFAULT : network;
        ports = ports == null ? PortSettings.DEFAULT : ports;
        layout = layout == null ? Layout.EMPTY : layout;
        var checks = new Checks();
        if (checks.present("version", version) && version != FORMAT_VERSION) {
            checks.fail("version", "unsupported format version " + version + "; this Clusterdeck reads version "
                    + FORMAT_VERSION);
        }
        checks.name("name", name, Checks.LOWER_NAME, Names.LOWER_RULE);
        checks.throwIfAny();
    }

    /** A design without end-user authentication. */
    public Design(Integer version, String name, String description, Mode mode, List<Bundle> bundles,
                  List<Function> functions, List<Segment> segments, GatewaySettings gateway, ProxySettings proxy,
                  RepositorySettings repository, NetworkSettings network, PortSettings ports, Layout layout) {
        this(version, name, description, mode, bundles, functions, segments, gateway, proxy, repository, network,
                ports, layout, null);
    }

    /** An empty cluster design with default settings. */
    public static Design named(String name) {
        return new Design(FORMAT_VERSION, name, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Every way the parts of this design do not fit together; empty when it can be planned and run. */
    public List<Problem> validate() {
        return DesignValidator.validate(this);
    }

    public Optional<Function> function(String functionName) {
        return functions.stream().filter(f -> f.name().equals(functionName)).findFirst();
    }

    public Optional<Segment> segment(String segmentName) {
        return segments.stream().filter(s -> s.name().equals(segmentName)).findFirst();
    }

    /** The segment that holds a function, if any. */
    public Optional<Segment> segmentOf(String functionName) {
        return segments.stream().filter(s -> s.functions().contains(functionName)).findFirst();
    }

    /** Functions that are in no segment yet. */
    public List<Function> unassignedFunctions() {
        return functions.stream().filter(f -> segmentOf(f.name()).isEmpty()).toList();
    }

    public Design withAuth(AuthSettings newAuth) {
        return new Design(version, name, description, mode, bundles, functions, segments, gateway, proxy,
                repository, network, ports, layout, newAuth);
    }

    public Design withName(String newName) {
        return new Design(version, newName, description, mode, bundles, functions, segments, gateway, proxy,
                repository, network, ports, layout, auth);
    }

    public Design withMode(Mode newMode) {
        return new Design(version, name, description, newMode, bundles, functions, segments, gateway, proxy,
                repository, network, ports, layout, auth);
    }

    public Design withFunctions(List<Function> newFunctions) {
        return new Design(version, name, description, mode, bundles, newFunctions, segments, gateway, proxy,
                repository, network, ports, layout, auth);
    }

    public Design withSegments(List<Segment> newSegments) {
        return new Design(version, name, description, mode, bundles, functions, newSegments, gateway, proxy,
                repository, network, ports, layout, auth);
    }

    public Design withBundles(List<Bundle> newBundles) {
        return new Design(version, name, description, mode, newBundles, functions, segments, gateway, proxy,
                repository, network, ports, layout, auth);
    }

    public Design withGateway(GatewaySettings newGateway) {
        return new Design(version, name, description, mode, bundles, functions, segments, newGateway, proxy,
                repository, network, ports, layout, auth);
    }

    public Design withProxy(ProxySettings newProxy) {
        return new Design(version, name, description, mode, bundles, functions, segments, gateway, newProxy,
                repository, network, ports, layout, auth);
    }

    public Design withRepository(RepositorySettings newRepository) {
        return new Design(version, name, description, mode, bundles, functions, segments, gateway, proxy,
                newRepository, network, ports, layout, auth);
    }

    public Design withNetwork(NetworkSettings newNetwork) {
        return new Design(version, name, description, mode, bundles, functions, segments, gateway, proxy,
                repository, newNetwork, ports, layout, auth);
    }

    public Design withPorts(PortSettings newPorts) {
        return new Design(version, name, description, mode, bundles, functions, segments, gateway, proxy,
                repository, network, newPorts, layout, auth);
    }

    public Design withLayout(Layout newLayout) {
        return new Design(version, name, description, mode, bundles, functions, segments, gateway, proxy,
                repository, network, ports, newLayout, auth);
    }

    /** This design with one function replaced (matched by its current name), calls and segments renamed along. */
    public Design withFunction(String currentName, Function replacement) {
        var newFunctions = new ArrayList<Function>();
        for (var f : functions) {
            var updated = f.name().equals(currentName) ? replacement : f;
            if (!currentName.equals(replacement.name())) {
                updated = updated.withCalls(updated.calls().stream()
                        .map(c -> c.equals(currentName) ? replacement.name() : c).toList());
            }
            newFunctions.add(updated);
        }
        var newSegments = segments.stream().map(s -> s.withFunctions(s.functions().stream()
                .map(f -> f.equals(currentName) ? replacement.name() : f).toList())).toList();
        return withFunctions(newFunctions).withSegments(newSegments);
    }

    /** This design with one segment changed (matched by name). */
    public Design withSegment(String segmentName, UnaryOperator<Segment> change) {
        return withSegments(segments.stream().map(s -> s.name().equals(segmentName) ? change.apply(s) : s).toList());
    }
}
