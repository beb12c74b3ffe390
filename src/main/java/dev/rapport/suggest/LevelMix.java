package dev.rapport.suggest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reorders suggestions inside each group of equal urgency so that career levels take turns: early-
 * career people know today's entry paths, senior people see where the field is going, and a week of
 * only one kind gives half the picture. Groups keep their order; within a group, the level offered
 * least so far goes next, the earlier suggestion winning a tie. Contacts with no level recorded
 * take turns as a level of their own.
 */
final class LevelMix {
  private LevelMix() {}

  static List<Suggestion> mix(List<Suggestion> ordered, Function<Suggestion, String> group) {
    List<Suggestion> out = new ArrayList<>(ordered.size());
    Map<String, Integer> offered = new HashMap<>();
    int i = 0;
    while (i < ordered.size()) {
      String g = group.apply(ordered.get(i));
      int end = i;
      while (end < ordered.size() && group.apply(ordered.get(end)).equals(g)) end++;
      out.addAll(mixGroup(ordered.subList(i, end), offered));
      i = end;
    }
    return out;
  }

  private static List<Suggestion> mixGroup(List<Suggestion> group, Map<String, Integer> offered) {
    Map<String, Deque<Suggestion>> byLevel = new LinkedHashMap<>();
    // by identity: a record's own hashCode reads every field, thousands of times for a long list
    Map<Suggestion, Integer> position = new IdentityHashMap<>();
    for (int i = 0; i < group.size(); i++) {
      Suggestion s = group.get(i);
      position.put(s, i);
      byLevel.computeIfAbsent(key(s), k -> new ArrayDeque<>()).add(s);
    }
    List<Suggestion> out = new ArrayList<>(group.size());
    while (out.size() < group.size()) {
      String best = null;
      for (Map.Entry<String, Deque<Suggestion>> e : byLevel.entrySet()) {
        if (e.getValue().isEmpty()) continue;
        if (best == null || better(e.getKey(), best, byLevel, offered, position)) best = e.getKey();
      }
      out.add(byLevel.get(best).poll());
      offered.merge(best, 1, Integer::sum);
    }
    return out;
  }

  private static boolean better(
      String level,
      String than,
      Map<String, Deque<Suggestion>> byLevel,
      Map<String, Integer> offered,
      Map<Suggestion, Integer> position) {
    int a = offered.getOrDefault(level, 0);
    int b = offered.getOrDefault(than, 0);
    if (a != b) return a < b;
    return position.get(byLevel.get(level).peek()) < position.get(byLevel.get(than).peek());
  }

  private static String key(Suggestion s) {
    return s.level() == null ? "" : s.level();
  }
}
