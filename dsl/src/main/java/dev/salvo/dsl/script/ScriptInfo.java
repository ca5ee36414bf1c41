package dev.salvo.dsl.script;

import java.util.Set;

/** What loading a script once tells: its options as JSON and the names it exports. */
public record ScriptInfo(String optionsJson, Set<String> functions) {
    public boolean exportsFunction(String name) {
        return functions.contains(name);
    }
}
