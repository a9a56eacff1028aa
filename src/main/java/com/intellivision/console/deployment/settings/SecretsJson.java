package com.intellivision.console.deployment.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.JobJson;

/**
 * The JSON form of {@link DeploymentSecrets} in both stores. Jackson's own messages quote the text they
 * choke on, which here is a secret, so failures are reported by position only.
 */
final class SecretsJson {

    private static final ObjectMapper MAPPER = JobJson.mapper();

    private SecretsJson() {}

    static ObjectNode toNode(DeploymentSecrets secrets) {
        ObjectNode node = MAPPER.createObjectNode().put("accessToken", secrets.accessToken());
        if (secrets.refreshToken() != null) {
            node.put("refreshToken", secrets.refreshToken());
        }
        if (secrets.flowerPassword() != null) {
            node.put("flowerPassword", secrets.flowerPassword());
        }
        return node;
    }

    /** @param where how a message names the source, e.g. "the secrets file /home/ann/.../secrets.json" */
    static DeploymentSecrets fromNode(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new SecretStoreException(capitalized(where) + " holds no secrets in the expected form.");
        }
        try {
            return new DeploymentSecrets(text(node, "accessToken"), text(node, "refreshToken"), text(node, "flowerPassword"));
        } catch (IllegalArgumentException invalid) {
            throw new SecretStoreException(capitalized(where) + " is not usable: " + invalid.getMessage());
        }
    }

    static String toText(DeploymentSecrets secrets) {
        return toNode(secrets).toString();
    }

    static DeploymentSecrets fromText(String text, String where) {
        return fromNode(parse(text, where), where);
    }

    static JsonNode parse(String text, String where) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new SecretStoreException(capitalized(where) + " is empty.");
            }
            return node;
        } catch (JsonProcessingException invalid) {
            JsonLocation at = invalid.getLocation();
            String position = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new SecretStoreException(capitalized(where) + " is not valid JSON" + position + ".");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
