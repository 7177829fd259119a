# Every translation complete: lupdate, run over the window's sources on a copy of each .ts (the
# file in the tree stays as it is), must find every string translated and none gone. A tr()
# added without a translation comes out type="unfinished", a string changed or removed in the
# sources type="vanished". `cmake --build build --target update_translations` then brings the
# .ts up to date for a translator (docs/development.md, "Translations").
#   cmake -DLUPDATE=... -DTS_FILES=a.ts;b.ts -DSOURCES_LIST=lupdate-sources.txt -DINCLUDE_DIR=...
#         -DWORK_DIR=... -P check_translations.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(problems "")
foreach(ts ${TS_FILES})
  get_filename_component(name "${ts}" NAME)
  set(copy "${WORK_DIR}/${name}")
  file(COPY_FILE "${ts}" "${copy}")
  execute_process(COMMAND "${LUPDATE}" -I "${INCLUDE_DIR}" -locations none "@${SOURCES_LIST}" -ts "${copy}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed on ${name} (${rc}):\n${out}\n${err}")
  endif()
  # lupdate's own complaints (a tr() it cannot place in a class) are problems too.
  string(REGEX MATCHALL "[^\n]*(lacks Q_OBJECT|Cannot invoke tr|unknown namespace)[^\n]*" complaints "${err}")
  foreach(line ${complaints})
    string(APPEND problems "${name}: ${line}\n")
  endforeach()
  file(READ "${copy}" content)
  # ; [ and ] would split or join CMake's list elements: out of the way first.
  string(REPLACE ";" "@semicolon@" content "${content}")
  string(REPLACE "[" "@lbracket@" content "${content}")
  string(REPLACE "]" "@rbracket@" content "${content}")
  # Each message: its source, any comment, and the type of its translation (none: finished).
  string(REGEX MATCHALL "<source>[^<]*</source>(<[a-z]+>[^<]*</[a-z]+>|[^<])*<translation( type=\"[a-z]+\")?"
    messages "${content}")
  set(translated 0)
  foreach(message ${messages})
    string(REGEX MATCH "<source>([^<]*)</source>" _ "${message}")
    set(source "${CMAKE_MATCH_1}")
    if(message MATCHES "<translation type=\"([a-z]+)\"")
      string(APPEND problems "${name}: ${CMAKE_MATCH_1}: \"${source}\"\n")
    else()
      math(EXPR translated "${translated} + 1")
    endif()
  endforeach()
  string(REGEX MATCHALL "<message" all "${content}")
  list(LENGTH all count)
  list(LENGTH messages read)
  if(NOT read EQUAL count)
    string(APPEND problems "${name}: ${count} messages, ${read} of them understood by this check\n")
  endif()
  message(STATUS "${name}: ${translated} strings translated")
  if(translated EQUAL 0)
    string(APPEND problems "${name}: no translated string found\n")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "Translations to bring up to date (cmake --build <build> --target update_translations, "
    "then translate each unfinished string and drop each vanished one):\n${problems}")
endif()
