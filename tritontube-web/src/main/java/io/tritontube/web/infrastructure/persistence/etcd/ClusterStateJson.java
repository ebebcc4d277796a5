package io.tritontube.web.infrastructure.persistence.etcd;

import io.tritontube.web.domain.cluster.ClusterState;
import io.tritontube.web.domain.cluster.ClusterState.Migration;
import io.tritontube.web.domain.cluster.NodeAddress;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Optional;

/**
 * The ring's membership as stored in etcd:
 * {@code {"nodes":["localhost:8090","localhost:8091"],"virtualNodes":256,"replicas":2,
 * "migration":{"kind":"ADD","node":"localhost:8092","fromNodes":[...],"toNodes":[...]}}},
 * {@code "migration"} present only while one is under way. The revision is not stored: it is
 * the key's etcd modification revision.
 */
final class ClusterStateJson {

    private ClusterStateJson() {
    }

    static JsonObject toJson(ClusterState state) {
        JsonObjectBuilder json = JsonValues.BUILDERS.createObjectBuilder()
                .add("nodes", nodesToJson(state.nodes()))
                .add("virtualNodes", state.virtualNodes())
                .add("replicas", state.replicas());
        state.migration().ifPresent(migration -> json.add("migration", JsonValues.BUILDERS.createObjectBuilder()
                .add("kind", migration.kind().name())
                .add("node", migration.node().value())
                .add("fromNodes", nodesToJson(migration.fromNodes()))
                .add("toNodes", nodesToJson(migration.toNodes()))));
        return json.build();
    }

    static ClusterState fromJson(JsonObject json, long revision) {
        JsonObject migration = json.getJsonObject("migration");
        return new ClusterState(
                nodesFromJson(json.getJsonArray("nodes")),
                json.getInt("virtualNodes"),
                json.getInt("replicas"),
                Optional.ofNullable(migration).map(ClusterStateJson::migrationFromJson),
                revision);
    }

    private static Migration migrationFromJson(JsonObject json) {
        return new Migration(
                Migration.Kind.valueOf(json.getString("kind")),
                NodeAddress.of(json.getString("node")),
                nodesFromJson(json.getJsonArray("fromNodes")),
                nodesFromJson(json.getJsonArray("toNodes")));
    }

    private static JsonArrayBuilder nodesToJson(List<NodeAddress> nodes) {
        JsonArrayBuilder array = JsonValues.BUILDERS.createArrayBuilder();
        nodes.forEach(node -> array.add(node.value()));
        return array;
    }

    private static List<NodeAddress> nodesFromJson(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).map(NodeAddress::of).toList();
    }
}
